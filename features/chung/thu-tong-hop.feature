# language: vi
Tính năng: Mỗi người một thư mỗi sáng, gồm mọi việc của mình

  Nhắc việc, đôn đốc và đề nghị báo cáo cho cùng một người trong cùng một lượt gửi được
  gộp vào một thư, không gửi thành nhiều thư.

  Kịch bản: Năm nhiệm vụ của Sở Nội vụ Quảng Ninh cùng hạn 03/02/2025 đến trong một thư
    Biết danh mục mẫu đã được nạp và lập kế hoạch năm 2025
    Và các nhiệm vụ sau có thời hạn 03/02/2025:
      | mã                      | khoản                                                   | chủ trì   |
      | QN124-D1.3a-KHKT        | Điều 1, khoản 3, điểm a, đoạn 3                         | Sở Nội vụ |
      | QN124-D1.3a-TUYENTRUYEN | Điều 1, khoản 3, điểm a, đoạn 4                         | Sở Nội vụ |
      | QN124-D1.3e-DTBD        | Điều 1, khoản 3, điểm e, đoạn 3                         | Sở Nội vụ |
      | QNCD10N-P2-CBCCVC       | Phát biểu kết luận của Chủ tịch UBND tỉnh, đoạn 2, câu 2 | Sở Nội vụ |
      | QNCD10N-P3-KHKT         | Phát biểu kết luận của Chủ tịch UBND tỉnh, đoạn 3, câu 2 | Sở Nội vụ |
    Khi hệ thống chạy vào sáng 16/01/2025
    Thì "giamdoc@snv.quangninh.example" nhận một thư gồm các nhiệm vụ "QN124-D1.3a-KHKT", "QN124-D1.3a-TUYENTRUYEN", "QN124-D1.3e-DTBD", "QNCD10N-P2-CBCCVC", "QNCD10N-P3-KHKT"
    Và "chuyenvien.cchc@snv.quangninh.example" nhận một thư gồm các nhiệm vụ "QN124-D1.3a-KHKT", "QN124-D1.3a-TUYENTRUYEN", "QN124-D1.3e-DTBD", "QNCD10N-P2-CBCCVC", "QNCD10N-P3-KHKT"
    Và đầu mối và thủ trưởng của "Sở Nội vụ" nhận thư nhắc việc về từng nhiệm vụ trong danh sách
    Và mỗi người nhận nhiều nhất một thư mỗi sáng
    Và không ai khác nhận thư
