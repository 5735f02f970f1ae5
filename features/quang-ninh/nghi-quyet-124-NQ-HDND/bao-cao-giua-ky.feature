# language: vi
Tính năng: 124/NQ-HĐND — báo cáo hằng năm có hạn nộp giữa năm

  Nghị quyết giao báo cáo kết quả xếp hạng PCI và PAR INDEX hằng năm, hạn 30/06. Đây
  không phải kỳ báo cáo theo Nghị định 09/2019/NĐ-CP: ngày chốt là chính thời hạn.

  Kịch bản: Được đề nghị báo cáo trước hạn 30/06, không bị nhắc lại vào cuối năm
    Biết danh mục mẫu đã được nạp và lập kế hoạch năm 2025
    Và nhiệm vụ "QN124-D1.2a-XH-PCI" (Điều 1, khoản 2, điểm a, đoạn 1) của "Sở Kế hoạch và Đầu tư" có thời hạn 30/06/2025
    Khi hệ thống chạy mỗi sáng từ 01/01/2025 đến 31/12/2025
    Thì các thư về "QN124-D1.2a-XH-PCI" là:
      | sáng       | người nhận                                         | thư                    |
      | 23/06/2025 | đầu mối của "Sở Kế hoạch và Đầu tư"                | đề nghị báo cáo        |
      | 30/06/2025 | đầu mối và thủ trưởng của "Sở Kế hoạch và Đầu tư"  | nhắc gửi báo cáo       |
      | 03/07/2025 | đầu mối của "Sở Kế hoạch và Đầu tư"                | chưa nhận được báo cáo |
      | 03/07/2025 | Văn phòng UBND tỉnh                                | chưa nhận được báo cáo |
      | 07/07/2025 | thủ trưởng của "Sở Kế hoạch và Đầu tư"             | đôn đốc                |
      | 07/07/2025 | đầu mối của "Sở Kế hoạch và Đầu tư"                | đôn đốc                |
      | 07/07/2025 | Văn phòng UBND tỉnh                                | đôn đốc                |
      | 11/07/2025 | Chánh Văn phòng UBND tỉnh                          | báo cáo vượt cấp       |
      | 11/07/2025 | thủ trưởng của "Sở Kế hoạch và Đầu tư"             | báo cáo vượt cấp       |
      | 11/07/2025 | Văn phòng UBND tỉnh                                | báo cáo vượt cấp       |
      | 18/07/2025 | Chánh Văn phòng UBND tỉnh                          | báo cáo vượt cấp       |
      | 18/07/2025 | thủ trưởng của "Sở Kế hoạch và Đầu tư"             | báo cáo vượt cấp       |
      | 18/07/2025 | Văn phòng UBND tỉnh                                | báo cáo vượt cấp       |
      | 25/07/2025 | Chánh Văn phòng UBND tỉnh                          | báo cáo vượt cấp       |
      | 25/07/2025 | thủ trưởng của "Sở Kế hoạch và Đầu tư"             | báo cáo vượt cấp       |
      | 25/07/2025 | Văn phòng UBND tỉnh                                | báo cáo vượt cấp       |
      | 01/08/2025 | Chánh Văn phòng UBND tỉnh                          | báo cáo vượt cấp       |
      | 01/08/2025 | thủ trưởng của "Sở Kế hoạch và Đầu tư"             | báo cáo vượt cấp       |
      | 01/08/2025 | Văn phòng UBND tỉnh                                | báo cáo vượt cấp       |
      | 08/08/2025 | Chánh Văn phòng UBND tỉnh                          | báo cáo vượt cấp       |
      | 08/08/2025 | thủ trưởng của "Sở Kế hoạch và Đầu tư"             | báo cáo vượt cấp       |
      | 08/08/2025 | Văn phòng UBND tỉnh                                | báo cáo vượt cấp       |
