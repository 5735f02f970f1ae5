# language: vi
Tính năng: ĐA-CCHC-TQ-2021-2030 — kiểm tra: số lượt mỗi đơn vị, ngày kiểm tra không báo trước

  Văn bản: ĐA-CCHC-TQ-2021-2030 (UBND tỉnh Tuyên Quang).
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
      | mã                 | khoản                                                                      | chủ trì   | đơn vị được kiểm tra                                                        | số lượt | năm  |
      | TQ-DA-GP4-KTCONGVU | Nhóm giải pháp thứ tư (tăng cường kỷ luật kỷ cương đối với đội ngũ CBCCVC) | Sở Nội vụ | Trung tâm Phục vụ hành chính công tỉnh và Bộ phận một cửa cấp huyện, cấp xã | 1       | 2025 |
