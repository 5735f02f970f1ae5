# language: vi
Tính năng: 124/NQ-HĐND — chỉ tiêu: báo cáo tiến độ, nhắc báo cáo kết quả, báo cáo vượt cấp

  Văn bản: 124/NQ-HĐND (HĐND tỉnh Quảng Ninh).
  Mỗi chỉ tiêu đến hạn báo cáo kết quả vào ngày 31/12 của năm đích (ngày nghỉ thì
  lùi sang ngày làm việc kế tiếp). Cơ quan chủ trì được đề nghị báo cáo tiến độ ở mỗi
  kỳ chốt số liệu quý; bảy ngày làm việc trước hạn, cơ quan chủ trì và các cơ quan
  phối hợp được nhắc; quá hạn bảy ngày làm việc mà chưa báo cáo thì Chánh Văn phòng
  UBND tỉnh nhận thư báo cáo vượt cấp. Mỗi người chỉ nhận một thư mỗi sáng, gồm mọi
  chỉ tiêu của mình.

  Kịch bản: Các chỉ tiêu báo cáo kết quả trước 02/01/2024
    Biết danh mục mẫu đã được nạp và lập kế hoạch năm 2023
    Và các chỉ tiêu sau phải báo cáo kết quả trước 02/01/2024:
      | mã                         | khoản                                                  | mục tiêu          | năm  | chủ trì                      | phối hợp                                                           |
      | QN124-D1.2a-CDS6-SOHOA2023 | Điều 1, khoản 2, điểm a, Về chuyển đổi số, ý (6), (i1) | ≥ 100%            | 2023 | Văn phòng UBND tỉnh          | Trung tâm PVHCC tỉnh; Ủy ban nhân dân các huyện, thị xã, thành phố |
      | QN124-D1.2a-CDS6-CSDL2023  | Điều 1, khoản 2, điểm a, Về chuyển đổi số, ý (6), (i2) | ≥ 8 cơ sở dữ liệu | 2023 | Sở Thông tin và Truyền thông | Các sở, ban, ngành thuộc tỉnh                                      |
    Khi hệ thống chạy vào sáng 14/09/2023
    Thì đầu mối của cơ quan chủ trì nhận thư đề nghị báo cáo tiến độ quý III/2023 về từng chỉ tiêu trong danh sách
    Và mỗi người nhận nhiều nhất một thư mỗi sáng
    Và không ai khác nhận thư
    Khi hệ thống chạy vào sáng 21/12/2023
    Thì đầu mối và thủ trưởng của cơ quan chủ trì nhận thư nhắc việc về từng chỉ tiêu trong danh sách
    Và đầu mối và thủ trưởng của các cơ quan phối hợp nhận thư nhắc việc về từng chỉ tiêu trong danh sách
    Và mỗi người nhận nhiều nhất một thư mỗi sáng
    Và không ai khác nhận thư
    Khi hệ thống chạy vào sáng 11/01/2024
    Thì Chánh Văn phòng UBND tỉnh nhận thư báo cáo vượt cấp về từng chỉ tiêu trong danh sách
    Và thủ trưởng của cơ quan chủ trì nhận thư báo cáo vượt cấp về từng chỉ tiêu trong danh sách
    Và Văn phòng UBND tỉnh nhận thư báo cáo vượt cấp về từng chỉ tiêu trong danh sách
    Và mỗi người nhận nhiều nhất một thư mỗi sáng
    Và không ai khác nhận thư

  Kịch bản: Các chỉ tiêu báo cáo kết quả trước 31/12/2024
    Biết danh mục mẫu đã được nạp và lập kế hoạch năm 2024
    Và các chỉ tiêu sau phải báo cáo kết quả trước 31/12/2024:
      | mã                         | khoản                                            | mục tiêu | năm  | chủ trì             | phối hợp                                                           |
      | QN124-D1.2a-CDS7-SOHOA2024 | Điều 1, khoản 2, điểm a, Về chuyển đổi số, ý (7) | ≥ 100%   | 2024 | Văn phòng UBND tỉnh | Trung tâm PVHCC tỉnh; Ủy ban nhân dân các huyện, thị xã, thành phố |
    Khi hệ thống chạy vào sáng 16/09/2024
    Thì đầu mối của cơ quan chủ trì nhận thư đề nghị báo cáo tiến độ quý III/2024 về từng chỉ tiêu trong danh sách
    Và mỗi người nhận nhiều nhất một thư mỗi sáng
    Và không ai khác nhận thư
    Khi hệ thống chạy vào sáng 20/12/2024
    Thì đầu mối và thủ trưởng của cơ quan chủ trì nhận thư nhắc việc về từng chỉ tiêu trong danh sách
    Và đầu mối và thủ trưởng của các cơ quan phối hợp nhận thư nhắc việc về từng chỉ tiêu trong danh sách
    Và mỗi người nhận nhiều nhất một thư mỗi sáng
    Và không ai khác nhận thư
    Khi hệ thống chạy vào sáng 10/01/2025
    Thì Chánh Văn phòng UBND tỉnh nhận thư báo cáo vượt cấp về từng chỉ tiêu trong danh sách
    Và thủ trưởng của cơ quan chủ trì nhận thư báo cáo vượt cấp về từng chỉ tiêu trong danh sách
    Và Văn phòng UBND tỉnh nhận thư báo cáo vượt cấp về từng chỉ tiêu trong danh sách
    Và mỗi người nhận nhiều nhất một thư mỗi sáng
    Và không ai khác nhận thư

  Kịch bản: Các chỉ tiêu báo cáo kết quả trước 31/12/2025
    Biết danh mục mẫu đã được nạp và lập kế hoạch năm 2025
    Và các chỉ tiêu sau phải báo cáo kết quả trước 31/12/2025:
      | mã                            | khoản                                                                     | mục tiêu             | năm  | chủ trì                             | phối hợp                                           |
      | QN124-D1.3g-DVCTT             | Điều 1, khoản 3, điểm g, đoạn 1                                           | ≥ 100%               | 2025 | Sở Thông tin và Truyền thông        | Văn phòng UBND tỉnh                                |
      | QN124-D1.2a-DTI               | Điều 1, khoản 2, điểm a, đoạn 1                                           | ≤ 3 thứ hạng         | 2025 | Sở Thông tin và Truyền thông        | không có                                           |
      | QN124-D1.2a-CCHC1-VBQPPL      | Điều 1, khoản 2, điểm a, Về cải cách hành chính, ý (1)                    | ≥ 100%               | 2025 | Sở Tư pháp                          | không có                                           |
      | QN124-D1.2a-CCHC1-KIENNGHI    | Điều 1, khoản 2, điểm a, Về cải cách hành chính, ý (1)                    | ≥ 100%               | 2025 | Sở Tư pháp                          | không có                                           |
      | QN124-D1.2a-CCHC2-DVSN        | Điều 1, khoản 2, điểm a, Về cải cách hành chính, ý (2)                    | ≥ 10%                | 2025 | Sở Nội vụ                           | không có                                           |
      | QN124-D1.2a-CCHC2-BCSN        | Điều 1, khoản 2, điểm a, Về cải cách hành chính, ý (2)                    | ≥ 10%                | 2025 | Sở Nội vụ                           | không có                                           |
      | QN124-D1.2a-CCHC3-THEODOIHS   | Điều 1, khoản 2, điểm a, Về cải cách hành chính, ý (3)                    | ≥ 100%               | 2025 | Văn phòng UBND tỉnh                 | Trung tâm PVHCC tỉnh; Sở Thông tin và Truyền thông |
      | QN124-D1.2a-CCHC4-VTVL        | Điều 1, khoản 2, điểm a, Về cải cách hành chính, ý (4)                    | ≥ 100%               | 2025 | Sở Nội vụ                           | không có                                           |
      | QN124-D1.2a-CCHC5-DINHDANH    | Điều 1, khoản 2, điểm a, Về cải cách hành chính, ý (5)                    | ≥ 90%                | 2025 | Sở Thông tin và Truyền thông        | Công an tỉnh; Văn phòng UBND tỉnh                  |
      | QN124-D1.2a-CCHC6-TUCHU       | Điều 1, khoản 2, điểm a, Về cải cách hành chính, ý (6)                    | ≥ 20%                | 2025 | Sở Tài chính                        | Sở Nội vụ                                          |
      | QN124-D1.2a-CCHC6-HUYENCANDOI | Điều 1, khoản 2, điểm a, Về cải cách hành chính, ý (6)                    | ≥ 6 đơn vị cấp huyện | 2025 | Sở Tài chính                        | không có                                           |
      | QN124-D1.2a-CCHC7-HAILONG     | Điều 1, khoản 2, điểm a, Về cải cách hành chính, ý (7)                    | > 99%                | 2025 | Văn phòng UBND tỉnh                 | Trung tâm PVHCC tỉnh                               |
      | QN124-D1.2a-CCHC7-HAILONG-DN  | Điều 1, khoản 2, điểm a, Về cải cách hành chính, ý (7)                    | ≥ 90%                | 2025 | Văn phòng UBND tỉnh                 | Trung tâm PVHCC tỉnh; Sở Kế hoạch và Đầu tư        |
      | QN124-D1.2a-DTKD1-DNMOI       | Điều 1, khoản 2, điểm a, Về cải thiện môi trường đầu tư kinh doanh, ý (1) | ≥ 10000 doanh nghiệp | 2025 | Sở Kế hoạch và Đầu tư               | không có                                           |
      | QN124-D1.2a-DTKD1-FDI         | Điều 1, khoản 2, điểm a, Về cải thiện môi trường đầu tư kinh doanh, ý (1) | > 5 tỷ USD           | 2025 | Sở Kế hoạch và Đầu tư               | Ban Xúc tiến và Hỗ trợ đầu tư                      |
      | QN124-D1.2a-DTKD2-LAODONG     | Điều 1, khoản 2, điểm a, Về cải thiện môi trường đầu tư kinh doanh, ý (2) | > 87,5%              | 2025 | Sở Lao động - Thương binh và Xã hội | không có                                           |
      | QN124-D1.2a-DTKD2-BANGCAP     | Điều 1, khoản 2, điểm a, Về cải thiện môi trường đầu tư kinh doanh, ý (2) | > 52%                | 2025 | Sở Lao động - Thương binh và Xã hội | không có                                           |
      | QN124-D1.2a-DTKD3-DNCDS       | Điều 1, khoản 2, điểm a, Về cải thiện môi trường đầu tư kinh doanh, ý (3) | ≥ 100%               | 2025 | Sở Thông tin và Truyền thông        | Sở Kế hoạch và Đầu tư                              |
      | QN124-D1.2a-DTKD3-DNCNS       | Điều 1, khoản 2, điểm a, Về cải thiện môi trường đầu tư kinh doanh, ý (3) | ≥ 50 doanh nghiệp    | 2025 | Sở Thông tin và Truyền thông        | không có                                           |
      | QN124-D1.2a-DTKD3-KHOINGHIEP  | Điều 1, khoản 2, điểm a, Về cải thiện môi trường đầu tư kinh doanh, ý (3) | ≥ 3 doanh nghiệp     | 2025 | Sở Khoa học và Công nghệ            | Sở Thông tin và Truyền thông                       |
      | QN124-D1.2a-CDS1-DULIEUMO     | Điều 1, khoản 2, điểm a, Về chuyển đổi số, ý (1)                          | ≥ 100%               | 2025 | Sở Thông tin và Truyền thông        | không có                                           |
      | QN124-D1.2a-CDS1-CSVC         | Điều 1, khoản 2, điểm a, Về chuyển đổi số, ý (1)                          | ≥ 100%               | 2025 | Sở Thông tin và Truyền thông        | không có                                           |
      | QN124-D1.2a-CDS2-CQDT         | Điều 1, khoản 2, điểm a, Về chuyển đổi số, ý (2)                          | ≥ 100%               | 2025 | Sở Thông tin và Truyền thông        | không có                                           |
      | QN124-D1.2a-CDS2-KYSO         | Điều 1, khoản 2, điểm a, Về chuyển đổi số, ý (2)                          | ≥ 100%               | 2025 | Văn phòng UBND tỉnh                 | Trung tâm PVHCC tỉnh                               |
      | QN124-D1.2a-CDS4-TOANTRINH    | Điều 1, khoản 2, điểm a, Về chuyển đổi số, ý (4)                          | ≥ 70%                | 2025 | Văn phòng UBND tỉnh                 | Sở Thông tin và Truyền thông; Trung tâm PVHCC tỉnh |
      | QN124-D1.2a-CDS5-TAPHUAN      | Điều 1, khoản 2, điểm a, Về chuyển đổi số, ý (5)                          | ≥ 100%               | 2025 | Sở Thông tin và Truyền thông        | Sở Nội vụ                                          |
      | QN124-D1.2a-CDS5-DULIEU       | Điều 1, khoản 2, điểm a, Về chuyển đổi số, ý (5)                          | ≥ 50%                | 2025 | Sở Thông tin và Truyền thông        | Sở Nội vụ                                          |
      | QN124-D1.2a-CDS8-DINHDANH     | Điều 1, khoản 2, điểm a, Về chuyển đổi số, ý (8)                          | ≥ 100%               | 2025 | Công an tỉnh                        | Sở Thông tin và Truyền thông                       |
      | QN124-D1.2a-CDS8-DIACHISO     | Điều 1, khoản 2, điểm a, Về chuyển đổi số, ý (8)                          | ≥ 100%               | 2025 | Sở Thông tin và Truyền thông        | không có                                           |
      | QN124-D1.2a-CDS8-CAPQUANG     | Điều 1, khoản 2, điểm a, Về chuyển đổi số, ý (8)                          | ≥ 50%                | 2025 | Sở Thông tin và Truyền thông        | không có                                           |
    Khi hệ thống chạy vào sáng 15/09/2025
    Thì đầu mối của cơ quan chủ trì nhận thư đề nghị báo cáo tiến độ quý III/2025 về từng chỉ tiêu trong danh sách
    Và mỗi người nhận nhiều nhất một thư mỗi sáng
    Và không ai khác nhận thư
    Khi hệ thống chạy vào sáng 22/12/2025
    Thì đầu mối và thủ trưởng của cơ quan chủ trì nhận thư nhắc việc về từng chỉ tiêu trong danh sách
    Và đầu mối và thủ trưởng của các cơ quan phối hợp nhận thư nhắc việc về từng chỉ tiêu trong danh sách
    Và mỗi người nhận nhiều nhất một thư mỗi sáng
    Và không ai khác nhận thư
    Khi hệ thống chạy vào sáng 12/01/2026
    Thì Chánh Văn phòng UBND tỉnh nhận thư báo cáo vượt cấp về từng chỉ tiêu trong danh sách
    Và thủ trưởng của cơ quan chủ trì nhận thư báo cáo vượt cấp về từng chỉ tiêu trong danh sách
    Và Văn phòng UBND tỉnh nhận thư báo cáo vượt cấp về từng chỉ tiêu trong danh sách
    Và mỗi người nhận nhiều nhất một thư mỗi sáng
    Và không ai khác nhận thư

  Kịch bản: Các chỉ tiêu báo cáo kết quả trước 31/12/2026
    Biết danh mục mẫu đã được nạp và lập kế hoạch năm 2026
    Và các chỉ tiêu sau phải báo cáo kết quả trước 31/12/2026:
      | mã                  | khoản                           | mục tiêu | năm  | chủ trì   | phối hợp |
      | QN124-D1.3d-TGBC-CC | Điều 1, khoản 3, điểm d, đoạn 1 | ≥ 5%     | 2026 | Sở Nội vụ | không có |
      | QN124-D1.3d-TGBC-VC | Điều 1, khoản 3, điểm d, đoạn 1 | ≥ 10%    | 2026 | Sở Nội vụ | không có |
    Khi hệ thống chạy vào sáng 14/09/2026
    Thì đầu mối của cơ quan chủ trì nhận thư đề nghị báo cáo tiến độ quý III/2026 về từng chỉ tiêu trong danh sách
    Và mỗi người nhận nhiều nhất một thư mỗi sáng
    Và không ai khác nhận thư
    Khi hệ thống chạy vào sáng 22/12/2026
    Thì đầu mối và thủ trưởng của cơ quan chủ trì nhận thư nhắc việc về từng chỉ tiêu trong danh sách
    Và đầu mối và thủ trưởng của các cơ quan phối hợp nhận thư nhắc việc về từng chỉ tiêu trong danh sách
    Và mỗi người nhận nhiều nhất một thư mỗi sáng
    Và không ai khác nhận thư
    Khi hệ thống chạy vào sáng 12/01/2027
    Thì Chánh Văn phòng UBND tỉnh nhận thư báo cáo vượt cấp về từng chỉ tiêu trong danh sách
    Và thủ trưởng của cơ quan chủ trì nhận thư báo cáo vượt cấp về từng chỉ tiêu trong danh sách
    Và Văn phòng UBND tỉnh nhận thư báo cáo vượt cấp về từng chỉ tiêu trong danh sách
    Và mỗi người nhận nhiều nhất một thư mỗi sáng
    Và không ai khác nhận thư

  Kịch bản: Các chỉ tiêu báo cáo kết quả trước 31/12/2030
    Biết danh mục mẫu đã được nạp và lập kế hoạch năm 2030
    Và các chỉ tiêu sau phải báo cáo kết quả trước 31/12/2030:
      | mã                      | khoản                           | mục tiêu           | năm  | chủ trì                      | phối hợp                                           |
      | QN124-D1.2b-2-BCSN      | Điều 1, khoản 2, điểm b, ý (2)  | ≥ 10%              | 2030 | Sở Nội vụ                    | không có                                           |
      | QN124-D1.2b-4-TOANTRINH | Điều 1, khoản 2, điểm b, ý (4)  | ≥ 90%              | 2030 | Văn phòng UBND tỉnh          | Sở Thông tin và Truyền thông; Trung tâm PVHCC tỉnh |
      | QN124-D1.2b-5-CHIDVSN   | Điều 1, khoản 2, điểm b, ý (5)  | ≥ 15%              | 2030 | Sở Tài chính                 | không có                                           |
      | QN124-D1.2b-6-HSCV      | Điều 1, khoản 2, điểm b, ý (6)  | ≥ 100%             | 2030 | Sở Thông tin và Truyền thông | Sở Nội vụ                                          |
      | QN124-D1.2b-8-XACTHUC   | Điều 1, khoản 2, điểm b, ý (8)  | ≥ 100%             | 2030 | Sở Thông tin và Truyền thông | Công an tỉnh                                       |
      | QN124-D1.2b-9-FDI       | Điều 1, khoản 2, điểm b, ý (9)  | ≥ 5 tỷ USD         | 2030 | Sở Kế hoạch và Đầu tư        | Ban Xúc tiến và Hỗ trợ đầu tư                      |
      | QN124-D1.2b-10-DNCNS    | Điều 1, khoản 2, điểm b, ý (10) | ≥ 500 doanh nghiệp | 2030 | Sở Thông tin và Truyền thông | không có                                           |
    Khi hệ thống chạy vào sáng 16/09/2030
    Thì đầu mối của cơ quan chủ trì nhận thư đề nghị báo cáo tiến độ quý III/2030 về từng chỉ tiêu trong danh sách
    Và mỗi người nhận nhiều nhất một thư mỗi sáng
    Và không ai khác nhận thư
    Khi hệ thống chạy vào sáng 20/12/2030
    Thì đầu mối và thủ trưởng của cơ quan chủ trì nhận thư nhắc việc về từng chỉ tiêu trong danh sách
    Và đầu mối và thủ trưởng của các cơ quan phối hợp nhận thư nhắc việc về từng chỉ tiêu trong danh sách
    Và mỗi người nhận nhiều nhất một thư mỗi sáng
    Và không ai khác nhận thư
    Khi hệ thống chạy vào sáng 10/01/2031
    Thì Chánh Văn phòng UBND tỉnh nhận thư báo cáo vượt cấp về từng chỉ tiêu trong danh sách
    Và thủ trưởng của cơ quan chủ trì nhận thư báo cáo vượt cấp về từng chỉ tiêu trong danh sách
    Và Văn phòng UBND tỉnh nhận thư báo cáo vượt cấp về từng chỉ tiêu trong danh sách
    Và mỗi người nhận nhiều nhất một thư mỗi sáng
    Và không ai khác nhận thư
