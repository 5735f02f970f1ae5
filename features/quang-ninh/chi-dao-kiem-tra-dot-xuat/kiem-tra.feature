# language: vi
Tính năng: Chỉ đạo của Chủ tịch UBND tỉnh tại Hội nghị tổng kết 10 năm CCHC — kiểm tra: số lượt mỗi đơn vị, ngày kiểm tra không báo trước

  Văn bản: Chỉ đạo của Chủ tịch UBND tỉnh tại Hội nghị tổng kết 10 năm CCHC (Chủ tịch UBND tỉnh Quảng Ninh).
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
      | mã              | khoản                                                    | chủ trì   | đơn vị được kiểm tra                                                                                          | số lượt | năm  |
      | QNCD10N-P3-KTDX | Phát biểu kết luận của Chủ tịch UBND tỉnh, đoạn 3, câu 2 | Sở Nội vụ | Các cơ quan hành chính nhà nước chịu kiểm tra kỷ luật, kỷ cương hành chính (sở, ban, ngành và UBND cấp huyện) | 1       | 2025 |
