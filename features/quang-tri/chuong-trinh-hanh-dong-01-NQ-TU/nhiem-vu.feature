# language: vi
Tính năng: CTrHĐ-UBND thực hiện NQ 01-NQ/TU (chưa rõ số) — nhiệm vụ có sản phẩm: nhắc trước hạn, đôn đốc khi quá hạn

  Văn bản: CTrHĐ-UBND thực hiện NQ 01-NQ/TU (chưa rõ số) (UBND tỉnh Quảng Trị).
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
      | mã                     | khoản                      | chủ trì                                                                     | phối hợp                                                 | thời hạn   | nhắc việc  | vượt cấp   |
      | QTCT01-GP2-KEHOACH     | Giải pháp thực hiện, mục 2 | Các cơ quan, đơn vị, địa phương (sở, ban, ngành cấp tỉnh và UBND cấp huyện) | không có                                                 | 03/02/2025 | 16/01/2025 | 11/02/2025 |
      | QTCT01-GP2-DANHGIA-NDD | Giải pháp thực hiện, mục 2 | Sở Nội vụ                                                                   | không có                                                 | 31/12/2025 | 22/12/2025 | 12/01/2026 |
      | QTCT01-GP3-TUYENTRUYEN | Giải pháp thực hiện, mục 3 | Sở Nội vụ                                                                   | Sở Thông tin và Truyền thông                             | 03/02/2025 | 16/01/2025 | 11/02/2025 |
      | QTCT01-GP6-BOIDUONG    | Giải pháp thực hiện, mục 6 | Sở Nội vụ                                                                   | không có                                                 | 31/03/2025 | 20/03/2025 | 10/04/2025 |
      | QTCT01-GP8-NGUONLUC    | Giải pháp thực hiện, mục 8 | Sở Tài chính                                                                | Sở Nội vụ                                                | 31/12/2025 | 22/12/2025 | 12/01/2026 |
      | QTCT01-GP9-DOLUONG     | Giải pháp thực hiện, mục 9 | Sở Nội vụ                                                                   | Sở Thông tin và Truyền thông; Trung tâm Phục vụ HCC tỉnh | 31/12/2025 | 22/12/2025 | 12/01/2026 |

  Kịch bản: Các cơ quan phối hợp chỉ nhận thư nhắc việc đầu tiên; cơ quan chủ trì được nhắc đến hạn rồi bị đôn đốc
    Biết danh mục mẫu đã được nạp và lập kế hoạch năm 2025
    Và nhiệm vụ "QTCT01-GP3-TUYENTRUYEN" (Giải pháp thực hiện, mục 3) của "Sở Nội vụ" có thời hạn 03/02/2025
    Và các cơ quan phối hợp "Sở Thông tin và Truyền thông" cũng được theo dõi
    Khi hệ thống chạy mỗi sáng từ 16/01/2025 đến 11/02/2025
    Thì các thư về "QTCT01-GP3-TUYENTRUYEN" là:
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
