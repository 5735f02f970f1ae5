# language: vi
Tính năng: 124/NQ-HĐND — kiểm tra: số lượt mỗi đơn vị, ngày kiểm tra không báo trước

  Văn bản: 124/NQ-HĐND (HĐND tỉnh Quảng Ninh).
  Kế hoạch năm giao cho cơ quan kiểm tra số lượt kiểm tra mà văn bản yêu cầu tại mỗi
  đơn vị. Ngày kiểm tra chỉ đoàn kiểm tra được biết: việc theo dõi nhiệm vụ không gửi
  thư nhắc việc hay đôn đốc nào về các lượt kiểm tra, và người của đơn vị được kiểm
  tra không nhận thư nào. (Cảnh báo tiến độ kiểm tra gửi trưởng đoàn và Văn phòng
  UBND tỉnh: xem quang-ninh/nghi-quyet-124-NQ-HDND/canh-bao-kiem-tra.feature.)

  Khung kịch bản: Mỗi đơn vị có đủ lượt kiểm tra trong năm, không ai nhận thư về ngày kiểm tra
    Biết danh mục mẫu đã được nạp và lập kế hoạch năm <năm>
    Và nhiệm vụ kiểm tra "<mã>" (<khoản>) của "<chủ trì>" năm <năm>
    Thì mỗi đơn vị thuộc "<đơn vị được kiểm tra>" có <số lượt> lượt kiểm tra trong năm <năm>
    Khi hệ thống chạy mỗi sáng từ 01/01/<năm> đến 31/12/<năm>
    Thì không ai nhận thư về "<mã>"
    Và không đơn vị được kiểm tra nào nhận thư

    Dữ liệu:
      | mã               | khoản                           | chủ trì   | đơn vị được kiểm tra                                                                  | số lượt | năm  |
      | QN124-D1.3c-KTDX | Điều 1, khoản 3, điểm c, đoạn 9 | Sở Nội vụ | Trung tâm hành chính công các cấp và Bộ phận tiếp nhận và trả kết quả hiện đại cấp xã | 2       | 2025 |
