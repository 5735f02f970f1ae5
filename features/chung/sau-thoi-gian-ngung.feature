# language: vi
Tính năng: Sau thời gian hệ thống ngừng chạy, mỗi nhiệm vụ chỉ một thư nói tình trạng hiện tại

  Nếu hệ thống ngừng chạy vài ngày, khi chạy lại nó không gửi bù từng thư nhắc đã lỡ:
  mỗi nhiệm vụ chỉ có một thư theo bước gần nhất (ví dụ "quá hạn"), rồi tiếp tục như
  thường.

  Kịch bản: Ngừng từ 01/12 đến 16/12/2025, chạy lại sáng 17/12 chỉ báo quá hạn
    Biết danh mục mẫu đã được nạp và lập kế hoạch năm 2025
    Và nhiệm vụ "QN124-D1.3h-CHONGCHEO" (Điều 1, khoản 3, điểm h, đoạn 3) của "Thanh tra tỉnh" có thời hạn 15/12/2025
    Và hệ thống đã chạy mỗi sáng đến hết ngày 30/11/2025
    Khi hệ thống chạy vào sáng 17/12/2025
    Thì đầu mối của "Thanh tra tỉnh" nhận thư quá hạn về "QN124-D1.3h-CHONGCHEO"
    Và Văn phòng UBND tỉnh nhận thư quá hạn về "QN124-D1.3h-CHONGCHEO"
    Và không ai khác nhận thư
    Khi hệ thống chạy mỗi sáng từ 18/12/2025 đến 24/12/2025
    Thì Chánh Văn phòng UBND tỉnh nhận thư báo cáo vượt cấp về "QN124-D1.3h-CHONGCHEO" vào sáng 24/12/2025
    Và thủ trưởng của "Thanh tra tỉnh" nhận thư đôn đốc về "QN124-D1.3h-CHONGCHEO" vào sáng 18/12/2025
