# language: vi
Tính năng: CTrHĐ-UBND thực hiện NQ 01-NQ/TU (chưa rõ số) — kiểm tra: số lượt mỗi đơn vị, ngày kiểm tra không báo trước

  Văn bản: CTrHĐ-UBND thực hiện NQ 01-NQ/TU (chưa rõ số) (UBND tỉnh Quảng Trị).
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
      | mã                 | khoản                      | chủ trì   | đơn vị được kiểm tra                                                        | số lượt | năm  |
      | QTCT01-GP7-KIEMTRA | Giải pháp thực hiện, mục 7 | Sở Nội vụ | Các cơ quan, đơn vị, địa phương (sở, ban, ngành cấp tỉnh và UBND cấp huyện) | 1       | 2025 |
