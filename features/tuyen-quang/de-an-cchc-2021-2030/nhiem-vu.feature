# language: vi
Tính năng: ĐA-CCHC-TQ-2021-2030 — nhiệm vụ có sản phẩm: nhắc trước hạn, đôn đốc khi quá hạn

  Văn bản: ĐA-CCHC-TQ-2021-2030 (UBND tỉnh Tuyên Quang).
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
      | mã                       | khoản                                                                                                   | chủ trì                                                       | phối hợp                                                                           | thời hạn   | nhắc việc  | vượt cấp   |
      | TQ-DA-MT2-2025-MOTCUA    | Mục tiêu cụ thể, thứ hai (cải cách thủ tục hành chính), đến năm 2025                                    | Văn phòng UBND tỉnh                                           | Trung tâm PVHCC tỉnh; Sở Nội vụ; Sở TT&TT; Ủy ban nhân dân các huyện, thành phố    | 31/12/2025 | 22/12/2025 | 12/01/2026 |
      | TQ-DA-MT3-2025-CHUCNANG  | Mục tiêu cụ thể, thứ ba (cải cách tổ chức bộ máy hành chính nhà nước), đến năm 2025                     | Sở Nội vụ                                                     | Các sở, ban, ngành tỉnh; Ủy ban nhân dân các huyện, thành phố                      | 31/12/2025 | 22/12/2025 | 12/01/2026 |
      | TQ-DA-MT4-DANHGIA-CBCCVC | Mục tiêu cụ thể, thứ tư (cải cách chế độ công vụ), đến năm 2025                                         | Các sở, ban, ngành tỉnh; Ủy ban nhân dân các huyện, thành phố | Sở Nội vụ                                                                          | 15/12/2025 | 04/12/2025 | 24/12/2025 |
      | TQ-DA-MT6-2025-THEODOINV | Mục tiêu cụ thể, thứ sáu (xây dựng Chính quyền điện tử hướng tới Chính quyền số), đến năm 2025          | Văn phòng UBND tỉnh                                           | Sở TT&TT                                                                           | 31/12/2025 | 22/12/2025 | 12/01/2026 |
      | TQ-DA-MT6-2025-HOCLIEUSO | Mục tiêu cụ thể, thứ sáu (xây dựng Chính quyền điện tử hướng tới Chính quyền số), đến năm 2025          | Sở GD&ĐT                                                      | Sở TT&TT                                                                           | 31/12/2025 | 22/12/2025 | 12/01/2026 |
      | TQ-DA-GP1-KHCCHC-TINH    | Nhóm giải pháp thứ nhất (chỉ đạo, điều hành)                                                            | Sở Nội vụ                                                     | Văn phòng UBND tỉnh                                                                | 31/12/2025 | 22/12/2025 | 12/01/2026 |
      | TQ-DA-GP1-KHCCHC-DV      | Nhóm giải pháp thứ nhất (chỉ đạo, điều hành)                                                            | Các sở, ban, ngành tỉnh; Ủy ban nhân dân các huyện, thành phố | Sở Nội vụ                                                                          | 03/02/2025 | 16/01/2025 | 11/02/2025 |
      | TQ-DA-GP2-TUYENTRUYEN    | Nhóm giải pháp thứ hai (thông tin, tuyên truyền)                                                        | Sở Nội vụ                                                     | Sở TT&TT                                                                           | 03/02/2025 | 16/01/2025 | 11/02/2025 |
      | TQ-DA-GP3-KINHPHI        | Nhóm giải pháp thứ ba (nhân lực và tài chính)                                                           | Sở Tài chính                                                  | Sở KH&ĐT; Sở Nội vụ                                                                | 01/12/2025 | 20/11/2025 | 10/12/2025 |
      | TQ-DA-GP3-DAOTAO         | Nhóm giải pháp thứ ba (nhân lực và tài chính)                                                           | Sở Nội vụ                                                     | Các sở, ban, ngành tỉnh; Ủy ban nhân dân các huyện, thành phố                      | 31/03/2025 | 20/03/2025 | 10/04/2025 |
      | TQ-DA-GP5-KHCDS          | Nhóm giải pháp thứ năm (xây dựng hạ tầng công nghệ thông tin)                                           | Sở TT&TT                                                      | Sở KH&ĐT; Sở Tài chính                                                             | 03/02/2025 | 16/01/2025 | 11/02/2025 |
      | TQ-DA-GP6-TUDANHGIA      | Nhóm giải pháp thứ sáu (đổi mới phương pháp theo dõi, đánh giá định kỳ kết quả thực hiện nhiệm vụ CCHC) | Các sở, ban, ngành tỉnh; Ủy ban nhân dân các huyện, thành phố | Sở Nội vụ                                                                          | 15/01/2025 | 06/01/2025 | 24/01/2025 |
      | TQ-DA-GP6-CHISO          | Nhóm giải pháp thứ sáu (đổi mới phương pháp theo dõi, đánh giá định kỳ kết quả thực hiện nhiệm vụ CCHC) | Sở Nội vụ                                                     | Văn phòng UBND tỉnh                                                                | 31/03/2025 | 20/03/2025 | 10/04/2025 |
      | TQ-DA-GP6-KHAOSAT        | Nhóm giải pháp thứ sáu (thường xuyên đo lường sự hài lòng của người dân, tổ chức)                       | Sở Nội vụ                                                     | Văn phòng UBND tỉnh; Trung tâm PVHCC tỉnh; Ủy ban nhân dân các huyện, thành phố    | 01/12/2025 | 20/11/2025 | 10/12/2025 |
      | TQ-DA-GP6-SOKET          | Nhóm giải pháp thứ sáu (đổi mới phương pháp theo dõi, đánh giá định kỳ kết quả thực hiện nhiệm vụ CCHC) | Sở Nội vụ                                                     | Văn phòng UBND tỉnh; Các sở, ban, ngành tỉnh; Ủy ban nhân dân các huyện, thành phố | 31/12/2025 | 22/12/2025 | 12/01/2026 |

  Khung kịch bản: Nhiệm vụ đến hạn năm 2030: nhắc trước hạn, báo cáo vượt cấp khi quá hạn
    Biết danh mục mẫu đã được nạp và lập kế hoạch năm 2030
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
      | mã                    | khoản                                                                                                   | chủ trì    | phối hợp                                                                           | thời hạn   | nhắc việc  | vượt cấp   |
      | TQ-DA-MT1-2030-VBQPPL | Mục tiêu cụ thể, thứ nhất (cải cách thể chế), đến năm 2030                                              | Sở Tư pháp | Các sở, ban, ngành tỉnh; Ủy ban nhân dân các huyện, thành phố                      | 31/12/2030 | 20/12/2030 | 10/01/2031 |
      | TQ-DA-GP6-TONGKET     | Nhóm giải pháp thứ sáu (đổi mới phương pháp theo dõi, đánh giá định kỳ kết quả thực hiện nhiệm vụ CCHC) | Sở Nội vụ  | Văn phòng UBND tỉnh; Các sở, ban, ngành tỉnh; Ủy ban nhân dân các huyện, thành phố | 31/12/2030 | 20/12/2030 | 10/01/2031 |

  Kịch bản: Các cơ quan phối hợp chỉ nhận thư nhắc việc đầu tiên; cơ quan chủ trì được nhắc đến hạn rồi bị đôn đốc
    Biết danh mục mẫu đã được nạp và lập kế hoạch năm 2025
    Và nhiệm vụ "TQ-DA-MT2-2025-MOTCUA" (Mục tiêu cụ thể, thứ hai (cải cách thủ tục hành chính), đến năm 2025) của "Văn phòng UBND tỉnh" có thời hạn 31/12/2025
    Và các cơ quan phối hợp "Trung tâm PVHCC tỉnh; Sở Nội vụ; Sở TT&TT; Ủy ban nhân dân các huyện, thành phố" cũng được theo dõi
    Khi hệ thống chạy mỗi sáng từ 22/12/2025 đến 12/01/2026
    Thì các thư về "TQ-DA-MT2-2025-MOTCUA" là:
      | sáng       | người nhận                                      | thư              |
      | 22/12/2025 | đầu mối và thủ trưởng của "Văn phòng UBND tỉnh" | nhắc việc        |
      | 22/12/2025 | đầu mối và thủ trưởng của các cơ quan phối hợp  | nhắc việc        |
      | 26/12/2025 | đầu mối và thủ trưởng của "Văn phòng UBND tỉnh" | nhắc việc        |
      | 30/12/2025 | đầu mối và thủ trưởng của "Văn phòng UBND tỉnh" | nhắc việc        |
      | 31/12/2025 | đầu mối và thủ trưởng của "Văn phòng UBND tỉnh" | nhắc việc        |
      | 05/01/2026 | đầu mối của "Văn phòng UBND tỉnh"               | quá hạn          |
      | 05/01/2026 | Văn phòng UBND tỉnh                             | quá hạn          |
      | 07/01/2026 | thủ trưởng của "Văn phòng UBND tỉnh"            | đôn đốc          |
      | 07/01/2026 | đầu mối của "Văn phòng UBND tỉnh"               | đôn đốc          |
      | 07/01/2026 | Văn phòng UBND tỉnh                             | đôn đốc          |
      | 12/01/2026 | Chánh Văn phòng UBND tỉnh                       | báo cáo vượt cấp |
      | 12/01/2026 | thủ trưởng của "Văn phòng UBND tỉnh"            | báo cáo vượt cấp |
      | 12/01/2026 | Văn phòng UBND tỉnh                             | báo cáo vượt cấp |
    Và mỗi người nhận nhiều nhất một thư mỗi sáng
    Và không ai khác nhận thư
