# language: vi
Tính năng: Chỉ đạo của Chủ tịch UBND tỉnh tại Hội nghị tổng kết 10 năm CCHC — nhiệm vụ có sản phẩm: nhắc trước hạn, đôn đốc khi quá hạn

  Văn bản: Chỉ đạo của Chủ tịch UBND tỉnh tại Hội nghị tổng kết 10 năm CCHC (Chủ tịch UBND tỉnh Quảng Ninh).
  Mỗi nhiệm vụ dưới đây có một sản phẩm và một thời hạn. Bảy ngày làm việc trước hạn,
  đầu mối và thủ trưởng cơ quan chủ trì nhận thư nhắc việc (các cơ quan phối hợp cũng
  nhận thư nhắc đầu tiên này: xem kịch bản cuối).
  Quá hạn bảy ngày làm việc mà chưa hoàn thành, Chánh Văn phòng UBND tỉnh nhận thư báo
  cáo vượt cấp, thủ trưởng cơ quan chủ trì và Văn phòng UBND tỉnh cùng nhận. Các bước
  ở giữa (nhắc 3 và 1 ngày trước hạn, đúng hạn; báo quá hạn; đôn đốc thủ trưởng) có
  trong kịch bản cuối, theo từng ngày.

  Khung kịch bản: Nhiệm vụ đến hạn năm 2025: nhắc trước hạn, báo cáo vượt cấp khi quá hạn
    Biết danh mục mẫu đã được nạp và lập kế hoạch năm 2025
    Và nhiệm vụ "<mã>" (<khoản>) của "<chủ trì>" có thời hạn <thời hạn>
    Và các cơ quan phối hợp là "<phối hợp>"
    Khi hệ thống chạy vào sáng <nhắc việc>
    Thì đầu mối và thủ trưởng của "<chủ trì>" nhận thư nhắc việc về "<mã>"
    Và không ai khác nhận thư
    Khi hệ thống chạy vào sáng <vượt cấp>
    Thì Chánh Văn phòng UBND tỉnh nhận thư báo cáo vượt cấp về "<mã>"
    Và thủ trưởng của "<chủ trì>" nhận thư báo cáo vượt cấp về "<mã>"
    Và Văn phòng UBND tỉnh nhận thư báo cáo vượt cấp về "<mã>"
    Và không ai khác nhận thư

    Dữ liệu:
      | mã                | khoản                                                    | chủ trì   | phối hợp                                                                    | thời hạn   | nhắc việc  | vượt cấp   |
      | QNCD10N-P2-CBCCVC | Phát biểu kết luận của Chủ tịch UBND tỉnh, đoạn 2, câu 2 | Sở Nội vụ | Các sở, ban, ngành thuộc tỉnh; Ủy ban nhân dân các huyện, thị xã, thành phố | 03/02/2025 | 16/01/2025 | 11/02/2025 |
      | QNCD10N-P3-KHKT   | Phát biểu kết luận của Chủ tịch UBND tỉnh, đoạn 3, câu 2 | Sở Nội vụ | Thanh tra tỉnh; Văn phòng UBND tỉnh                                         | 03/02/2025 | 16/01/2025 | 11/02/2025 |

  Kịch bản: Các cơ quan phối hợp chỉ nhận thư nhắc việc đầu tiên; cơ quan chủ trì được nhắc đến hạn rồi bị đôn đốc
    Biết danh mục mẫu đã được nạp và lập kế hoạch năm 2025
    Và nhiệm vụ "QNCD10N-P2-CBCCVC" (Phát biểu kết luận của Chủ tịch UBND tỉnh, đoạn 2, câu 2) của "Sở Nội vụ" có thời hạn 03/02/2025
    Và các cơ quan phối hợp "Các sở, ban, ngành thuộc tỉnh; Ủy ban nhân dân các huyện, thị xã, thành phố" cũng được theo dõi
    Khi hệ thống chạy mỗi sáng từ 16/01/2025 đến 11/02/2025
    Thì các thư về "QNCD10N-P2-CBCCVC" là:
      | sáng       | người nhận                                     | thư              |
      | 16/01/2025 | đầu mối và thủ trưởng của "Sở Nội vụ"          | nhắc việc        |
      | 16/01/2025 | đầu mối và thủ trưởng của các cơ quan phối hợp | nhắc việc        |
      | 22/01/2025 | đầu mối và thủ trưởng của "Sở Nội vụ"          | nhắc việc        |
      | 24/01/2025 | đầu mối và thủ trưởng của "Sở Nội vụ"          | nhắc việc        |
      | 03/02/2025 | đầu mối và thủ trưởng của "Sở Nội vụ"          | nhắc việc        |
      | 04/02/2025 | đầu mối của "Sở Nội vụ"                        | quá hạn          |
      | 04/02/2025 | Văn phòng UBND tỉnh                            | quá hạn          |
      | 06/02/2025 | thủ trưởng của "Sở Nội vụ"                     | đôn đốc          |
      | 06/02/2025 | đầu mối của "Sở Nội vụ"                        | đôn đốc          |
      | 06/02/2025 | Văn phòng UBND tỉnh                            | đôn đốc          |
      | 11/02/2025 | Chánh Văn phòng UBND tỉnh                      | báo cáo vượt cấp |
      | 11/02/2025 | thủ trưởng của "Sở Nội vụ"                     | báo cáo vượt cấp |
      | 11/02/2025 | Văn phòng UBND tỉnh                            | báo cáo vượt cấp |
    Và mỗi người nhận nhiều nhất một thư mỗi sáng
    Và không ai khác nhận thư
