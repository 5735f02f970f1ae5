# language: vi
Tính năng: CTrHĐ-UBND thực hiện NQ 01-NQ/TU (chưa rõ số) — chỉ tiêu: báo cáo tiến độ, nhắc báo cáo kết quả, báo cáo vượt cấp

  Văn bản: CTrHĐ-UBND thực hiện NQ 01-NQ/TU (chưa rõ số) (UBND tỉnh Quảng Trị).
  Mỗi chỉ tiêu đến hạn báo cáo kết quả vào ngày 31/12 của năm đích (ngày nghỉ thì
  lùi sang ngày làm việc kế tiếp). Cơ quan chủ trì được đề nghị báo cáo tiến độ ở mỗi
  kỳ chốt số liệu quý; bảy ngày làm việc trước hạn, cơ quan chủ trì và các cơ quan
  phối hợp được nhắc; quá hạn bảy ngày làm việc mà chưa báo cáo thì Chánh Văn phòng
  UBND tỉnh nhận thư báo cáo vượt cấp. Mỗi người chỉ nhận một thư mỗi sáng, gồm mọi
  chỉ tiêu của mình.

  Kịch bản: Các chỉ tiêu báo cáo kết quả trước 31/12/2025
    Biết danh mục mẫu đã được nạp và lập kế hoạch năm 2025
    Và các chỉ tiêu sau phải báo cáo kết quả trước 31/12/2025:
      | mã                   | khoản                                | mục tiêu          | năm  | chủ trì                      | phối hợp                                                                                     |
      | QTCT01-MT-TIEPNHAN   | Mục tiêu cụ thể đến năm 2025, đoạn 1 | = 100%            | 2025 | Văn phòng UBND tỉnh          | Trung tâm Phục vụ HCC tỉnh; UBND các huyện, thị xã, thành phố                                |
      | QTCT01-MT-CATGIAM    | Mục tiêu cụ thể đến năm 2025, đoạn 1 | ≥ 25%             | 2025 | Văn phòng UBND tỉnh          | Các sở, ban, ngành cấp tỉnh                                                                  |
      | QTCT01-MT-DUNGHAN    | Mục tiêu cụ thể đến năm 2025, đoạn 1 | ≥ 99%             | 2025 | Văn phòng UBND tỉnh          | Trung tâm Phục vụ HCC tỉnh; UBND các huyện, thị xã, thành phố                                |
      | QTCT01-MT-PHANMEM    | Mục tiêu cụ thể đến năm 2025, đoạn 1 | = 100%            | 2025 | Văn phòng UBND tỉnh          | Trung tâm Phục vụ HCC tỉnh; UBND các huyện, thị xã, thành phố; Sở Thông tin và Truyền thông  |
      | QTCT01-MT-DVC34      | Mục tiêu cụ thể đến năm 2025, đoạn 2 | = 100%            | 2025 | Sở Thông tin và Truyền thông | Văn phòng UBND tỉnh                                                                          |
      | QTCT01-MT-CONGQG     | Mục tiêu cụ thể đến năm 2025, đoạn 2 | ≥ 80%             | 2025 | Văn phòng UBND tỉnh          | Sở Thông tin và Truyền thông                                                                 |
      | QTCT01-MT-TRUCTUYEN  | Mục tiêu cụ thể đến năm 2025, đoạn 2 | ≥ 50%             | 2025 | Văn phòng UBND tỉnh          | Sở Thông tin và Truyền thông; Các sở, ban, ngành cấp tỉnh; UBND các huyện, thị xã, thành phố |
      | QTCT01-MT-DIDONG     | Mục tiêu cụ thể đến năm 2025, đoạn 2 | = 100%            | 2025 | Sở Thông tin và Truyền thông | không có                                                                                     |
      | QTCT01-MT-HAILONG    | Mục tiêu cụ thể đến năm 2025, đoạn 2 | ≥ 90%             | 2025 | Sở Nội vụ                    | Văn phòng UBND tỉnh                                                                          |
      | QTCT01-MT-HL-YTE     | Mục tiêu cụ thể đến năm 2025, đoạn 2 | ≥ 85%             | 2025 | Sở Y tế                      | Sở Nội vụ                                                                                    |
      | QTCT01-MT-HL-GIAODUC | Mục tiêu cụ thể đến năm 2025, đoạn 2 | ≥ 85%             | 2025 | Sở Giáo dục và Đào tạo       | Sở Nội vụ                                                                                    |
      | QTCT01-MT-DVSN-TUCHU | Mục tiêu cụ thể đến năm 2025, đoạn 3 | ≥ 20%             | 2025 | Sở Tài chính                 | Sở Nội vụ                                                                                    |
      | QTCT01-MT-DVSN-CPH   | Mục tiêu cụ thể đến năm 2025, đoạn 3 | = 100%            | 2025 | Sở Tài chính                 | Sở Nội vụ                                                                                    |
      | QTCT01-MT-CDS        | Mục tiêu cụ thể đến năm 2025, đoạn 4 | = 100%            | 2025 | Sở Thông tin và Truyền thông | không có                                                                                     |
      | QTCT01-MT-PCI        | Mục tiêu cụ thể đến năm 2025, đoạn 4 | ≤ 3 nhóm xếp hạng | 2025 | Sở Kế hoạch và Đầu tư        | không có                                                                                     |
      | QTCT01-MT-PARINDEX   | Mục tiêu cụ thể đến năm 2025, đoạn 4 | ≤ 20 thứ hạng     | 2025 | Sở Nội vụ                    | không có                                                                                     |
      | QTCT01-MT-PAPI       | Mục tiêu cụ thể đến năm 2025, đoạn 4 | ≤ 20 thứ hạng     | 2025 | Sở Nội vụ                    | không có                                                                                     |
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
