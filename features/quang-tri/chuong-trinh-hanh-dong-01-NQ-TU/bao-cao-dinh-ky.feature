# language: vi
Tính năng: CTrHĐ-UBND thực hiện NQ 01-NQ/TU (chưa rõ số) — báo cáo định kỳ: đề nghị, nhắc khi chốt số liệu, báo cáo vượt cấp khi không nộp

  Văn bản: CTrHĐ-UBND thực hiện NQ 01-NQ/TU (chưa rõ số) (UBND tỉnh Quảng Trị).
  Năm ngày làm việc trước ngày chốt số liệu (Nghị định 09/2019/NĐ-CP), đầu mối của
  cơ quan chủ trì nhận thư đề nghị báo cáo; vào ngày chốt số liệu, đầu mối và thủ
  trưởng được nhắc gửi báo cáo. Hai ngày làm việc sau hạn nộp mà chưa có báo cáo thì
  bị coi là thiếu báo cáo; bảy ngày làm việc sau đó, Chánh Văn phòng UBND tỉnh nhận
  thư báo cáo vượt cấp.

  Khung kịch bản: Báo cáo năm 2025: đề nghị báo cáo, rồi nhắc gửi khi chốt số liệu, rồi báo cáo vượt cấp khi không nộp
    Biết danh mục mẫu đã được nạp và lập kế hoạch năm 2025
    Và nhiệm vụ "<mã>" (<khoản>) kỳ "<kỳ>" của "<chủ trì>" có thời hạn <thời hạn>
    Và các cơ quan phối hợp là "<phối hợp>"
    Khi hệ thống chạy vào sáng <đề nghị>
    Thì đầu mối của "<chủ trì>" nhận thư đề nghị báo cáo <kỳ> về "<mã>"
    Và không ai khác nhận thư
    Khi hệ thống chạy vào sáng <chốt số liệu>
    Thì đầu mối và thủ trưởng của "<chủ trì>" nhận thư nhắc gửi báo cáo <kỳ> về "<mã>"
    Và không ai khác nhận thư
    Khi hệ thống chạy vào sáng <vượt cấp>
    Thì Chánh Văn phòng UBND tỉnh nhận thư báo cáo vượt cấp về "<mã>"
    Và thủ trưởng của "<chủ trì>" nhận thư báo cáo vượt cấp về "<mã>"
    Và Văn phòng UBND tỉnh nhận thư báo cáo vượt cấp về "<mã>"
    Và không ai khác nhận thư

    Dữ liệu:
      | mã                  | khoản                                                                                                     | kỳ          | chủ trì                                                                     | phối hợp                                                                    | thời hạn   | đề nghị    | chốt số liệu | vượt cấp   |
      | QTCT01-NV1-CDDH     | Nhóm nhiệm vụ Công tác chỉ đạo, điều hành; Giải pháp thực hiện, mục 1                                     | Năm 2025    | Sở Nội vụ                                                                   | Các cơ quan, đơn vị, địa phương (sở, ban, ngành cấp tỉnh và UBND cấp huyện) | 19/12/2025 | 08/12/2025 | 15/12/2025   | 05/01/2026 |
      | QTCT01-NV2-THECHE   | Nhóm nhiệm vụ Cải cách thể chế; Giải pháp thực hiện, mục 4                                                | Năm 2025    | Sở Tư pháp                                                                  | Các sở, ban, ngành cấp tỉnh                                                 | 19/12/2025 | 08/12/2025 | 15/12/2025   | 05/01/2026 |
      | QTCT01-NV3-TTHC     | Nhóm nhiệm vụ Cải cách thủ tục hành chính; Giải pháp thực hiện, mục 5                                     | Năm 2025    | Văn phòng UBND tỉnh                                                         | Các sở, ban, ngành cấp tỉnh; UBND các huyện, thị xã, thành phố              | 19/12/2025 | 08/12/2025 | 15/12/2025   | 05/01/2026 |
      | QTCT01-NV4-BOMAY    | Nhóm nhiệm vụ Cải cách tổ chức bộ máy hành chính nhà nước                                                 | Năm 2025    | Sở Nội vụ                                                                   | Các sở, ban, ngành cấp tỉnh; UBND các huyện, thị xã, thành phố              | 19/12/2025 | 08/12/2025 | 15/12/2025   | 05/01/2026 |
      | QTCT01-NV5-CONGVU   | Nhóm nhiệm vụ Cải cách chế độ công vụ, xây dựng nền công vụ                                               | Năm 2025    | Sở Nội vụ                                                                   | Các sở, ban, ngành cấp tỉnh; UBND các huyện, thị xã, thành phố              | 19/12/2025 | 08/12/2025 | 15/12/2025   | 05/01/2026 |
      | QTCT01-NV6-TAICHINH | Nhóm nhiệm vụ Cải cách tài chính công                                                                     | Năm 2025    | Sở Tài chính                                                                | Các sở, ban, ngành cấp tỉnh; UBND các huyện, thị xã, thành phố              | 19/12/2025 | 08/12/2025 | 15/12/2025   | 05/01/2026 |
      | QTCT01-NV7-CQDT     | Nhóm nhiệm vụ Xây dựng và phát triển Chính quyền điện tử và đô thị thông minh; Giải pháp thực hiện, mục 9 | Năm 2025    | Sở Thông tin và Truyền thông                                                | Các sở, ban, ngành cấp tỉnh; UBND các huyện, thị xã, thành phố              | 19/12/2025 | 08/12/2025 | 15/12/2025   | 05/01/2026 |
      | QTCT01-GP2-RASOAT   | Giải pháp thực hiện, mục 2                                                                                | Quý II/2025 | Các cơ quan, đơn vị, địa phương (sở, ban, ngành cấp tỉnh và UBND cấp huyện) | Sở Nội vụ                                                                   | 18/06/2025 | 09/06/2025 | 16/06/2025   | 01/07/2025 |
