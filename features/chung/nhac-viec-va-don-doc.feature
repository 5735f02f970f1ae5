# language: vi
Tính năng: Nhắc việc trước hạn, đôn đốc khi quá hạn

  Bối cảnh:
    Biết danh mục mẫu đã được nạp và lập kế hoạch năm 2025

  Kịch bản: Thanh tra tỉnh được nhắc bảy ngày làm việc trước hạn
    Biết nhiệm vụ "QN124-D1.3h-CHONGCHEO" (Điều 1, khoản 3, điểm h, đoạn 3) của "Thanh tra tỉnh" có thời hạn 15/12/2025
    Khi hệ thống chạy vào sáng 04/12/2025
    Thì đầu mối và thủ trưởng của "Thanh tra tỉnh" nhận thư nhắc việc về "QN124-D1.3h-CHONGCHEO"
    Và không ai khác nhận thư

  Kịch bản: Một nhiệm vụ không hoàn thành, từ đầu năm đến khi báo cáo vượt cấp
    Biết nhiệm vụ "QN124-D1.3h-CHONGCHEO" (Điều 1, khoản 3, điểm h, đoạn 3) của "Thanh tra tỉnh" có thời hạn 15/12/2025
    Khi hệ thống chạy mỗi sáng từ 01/01/2025 đến 31/01/2026
    Thì các thư về "QN124-D1.3h-CHONGCHEO" là:
      | sáng       | người nhận                                  | thư                            |
      | 14/03/2025 | đầu mối của "Thanh tra tỉnh"                | đề nghị báo cáo tiến độ quý I/2025   |
      | 16/06/2025 | đầu mối của "Thanh tra tỉnh"                | đề nghị báo cáo tiến độ quý II/2025  |
      | 15/09/2025 | đầu mối của "Thanh tra tỉnh"                | đề nghị báo cáo tiến độ quý III/2025 |
      | 04/12/2025 | đầu mối và thủ trưởng của "Thanh tra tỉnh"  | nhắc việc                      |
      | 10/12/2025 | đầu mối và thủ trưởng của "Thanh tra tỉnh"  | nhắc việc                      |
      | 12/12/2025 | đầu mối và thủ trưởng của "Thanh tra tỉnh"  | nhắc việc                      |
      | 15/12/2025 | đầu mối và thủ trưởng của "Thanh tra tỉnh"  | nhắc việc                      |
      | 16/12/2025 | đầu mối của "Thanh tra tỉnh"                | quá hạn                        |
      | 16/12/2025 | Văn phòng UBND tỉnh                         | quá hạn                        |
      | 18/12/2025 | thủ trưởng của "Thanh tra tỉnh"             | đôn đốc                        |
      | 18/12/2025 | đầu mối của "Thanh tra tỉnh"                | đôn đốc                        |
      | 18/12/2025 | Văn phòng UBND tỉnh                         | đôn đốc                        |
      | 24/12/2025 | Chánh Văn phòng UBND tỉnh                   | báo cáo vượt cấp               |
      | 24/12/2025 | thủ trưởng của "Thanh tra tỉnh"             | báo cáo vượt cấp               |
      | 24/12/2025 | Văn phòng UBND tỉnh                         | báo cáo vượt cấp               |
      | 31/12/2025 | Chánh Văn phòng UBND tỉnh                   | báo cáo vượt cấp               |
      | 31/12/2025 | thủ trưởng của "Thanh tra tỉnh"             | báo cáo vượt cấp               |
      | 31/12/2025 | Văn phòng UBND tỉnh                         | báo cáo vượt cấp               |
      | 09/01/2026 | Chánh Văn phòng UBND tỉnh                   | báo cáo vượt cấp               |
      | 09/01/2026 | thủ trưởng của "Thanh tra tỉnh"             | báo cáo vượt cấp               |
      | 09/01/2026 | Văn phòng UBND tỉnh                         | báo cáo vượt cấp               |
      | 15/01/2026 | Chánh Văn phòng UBND tỉnh                   | báo cáo vượt cấp               |
      | 15/01/2026 | thủ trưởng của "Thanh tra tỉnh"             | báo cáo vượt cấp               |
      | 15/01/2026 | Văn phòng UBND tỉnh                         | báo cáo vượt cấp               |
      | 22/01/2026 | Chánh Văn phòng UBND tỉnh                   | báo cáo vượt cấp               |
      | 22/01/2026 | thủ trưởng của "Thanh tra tỉnh"             | báo cáo vượt cấp               |
      | 22/01/2026 | Văn phòng UBND tỉnh                         | báo cáo vượt cấp               |
    Và thư sáng 14/03/2025 về "QN124-D1.3h-CHONGCHEO" ghi "Yêu cầu:    Báo cáo tiến độ Quý I/2025: số liệu tính đến 14/03/2025, hạn gửi 21/03/2025"
    Và thư sáng 16/06/2025 về "QN124-D1.3h-CHONGCHEO" ghi "Yêu cầu:    Báo cáo tiến độ Quý II/2025: số liệu tính đến 14/06/2025, hạn gửi 20/06/2025"
    Và mỗi người nhận nhiều nhất một thư mỗi sáng
