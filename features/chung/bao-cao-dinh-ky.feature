# language: vi
Tính năng: Báo cáo định kỳ theo Nghị định 09/2019/NĐ-CP, từng ngày

  Kỳ báo cáo 6 tháng đầu năm 2025 chốt số liệu ngày 14/06/2025 (thứ Bảy); báo cáo nộp
  sau 5 ngày làm việc, tức 20/06/2025. Ví dụ: báo cáo kết quả ứng dụng công nghệ thông
  tin của Sở Thông tin và Truyền thông Quảng Ninh, Văn phòng UBND tỉnh phối hợp.

  Bối cảnh:
    Biết danh mục mẫu đã được nạp và lập kế hoạch năm 2025
    Và nhiệm vụ "QNCD10N-P3-CNTT" (Phát biểu kết luận của Chủ tịch UBND tỉnh, đoạn 3, câu 1) kỳ "6 tháng đầu năm 2025" của "Sở Thông tin và Truyền thông" có thời hạn 20/06/2025
    Và các cơ quan phối hợp "Văn phòng UBND tỉnh" cũng được theo dõi

  Kịch bản: Không nộp báo cáo: đề nghị, nhắc, rồi báo cáo vượt cấp
    Khi hệ thống chạy mỗi sáng từ 01/06/2025 đến 10/07/2025
    Thì các thư về "QNCD10N-P3-CNTT" là:
      | sáng       | người nhận                                                | thư                                     |
      | 09/06/2025 | đầu mối của "Sở Thông tin và Truyền thông"                | đề nghị báo cáo 6 tháng đầu năm 2025    |
      | 11/06/2025 | đầu mối và thủ trưởng của "Văn phòng UBND tỉnh"           | nhắc việc                               |
      | 16/06/2025 | đầu mối và thủ trưởng của "Sở Thông tin và Truyền thông"  | nhắc gửi báo cáo 6 tháng đầu năm 2025   |
      | 20/06/2025 | đầu mối và thủ trưởng của "Sở Thông tin và Truyền thông"  | nhắc việc                               |
      | 25/06/2025 | đầu mối của "Sở Thông tin và Truyền thông"                | chưa nhận được báo cáo                  |
      | 25/06/2025 | Văn phòng UBND tỉnh                                       | chưa nhận được báo cáo                  |
      | 27/06/2025 | thủ trưởng của "Sở Thông tin và Truyền thông"             | đôn đốc                                 |
      | 27/06/2025 | đầu mối của "Sở Thông tin và Truyền thông"                | đôn đốc                                 |
      | 27/06/2025 | Văn phòng UBND tỉnh                                       | đôn đốc                                 |
      | 03/07/2025 | Chánh Văn phòng UBND tỉnh                                 | báo cáo vượt cấp                        |
      | 03/07/2025 | thủ trưởng của "Sở Thông tin và Truyền thông"             | báo cáo vượt cấp                        |
      | 03/07/2025 | Văn phòng UBND tỉnh                                       | báo cáo vượt cấp                        |
      | 10/07/2025 | Chánh Văn phòng UBND tỉnh                                 | báo cáo vượt cấp                        |
      | 10/07/2025 | thủ trưởng của "Sở Thông tin và Truyền thông"             | báo cáo vượt cấp                        |
      | 10/07/2025 | Văn phòng UBND tỉnh                                       | báo cáo vượt cấp                        |
    Và thư về "QNCD10N-P3-CNTT" ghi "Kỳ:         6 tháng đầu năm 2025"
    Và thư sáng 09/06/2025 về "QNCD10N-P3-CNTT" ghi "Yêu cầu:    Báo cáo 6 tháng đầu năm 2025: số liệu tính đến 14/06/2025, hạn gửi 20/06/2025"
    Và thư sáng 25/06/2025 về "QNCD10N-P3-CNTT" ghi "Yêu cầu:    Báo cáo 6 tháng đầu năm 2025: số liệu tính đến 14/06/2025, hạn gửi 20/06/2025"
    Và mỗi người nhận nhiều nhất một thư mỗi sáng

  Kịch bản: Nộp báo cáo đúng hạn thì thôi nhắc
    Khi hệ thống chạy mỗi sáng từ 01/06/2025 đến 17/06/2025
    Thì đầu mối của "Sở Thông tin và Truyền thông" nhận thư đề nghị báo cáo 6 tháng đầu năm 2025 về "QNCD10N-P3-CNTT" vào sáng 09/06/2025
    Khi "Sở Thông tin và Truyền thông" hoàn thành nhiệm vụ "QNCD10N-P3-CNTT" vào ngày 18/06/2025
    Và hệ thống chạy mỗi sáng từ 18/06/2025 đến 31/07/2025
    Thì đầu mối và thủ trưởng của "Sở Thông tin và Truyền thông" nhận thư quyết định duyệt kết quả về "QNCD10N-P3-CNTT" vào sáng 19/06/2025
    Và không ai khác nhận thư về "QNCD10N-P3-CNTT"
