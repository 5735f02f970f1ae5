# language: vi
Tính năng: Ngày nghỉ, ngày lễ: thời hạn lùi sang ngày làm việc, không gửi thư ngày nghỉ

  Thời hạn rơi vào ngày nghỉ thì lùi đến hết ngày làm việc kế tiếp (Bộ luật Dân sự
  2015, Điều 148). Số ngày nhắc trước hạn và đôn đốc sau hạn là ngày làm việc: thứ Bảy,
  Chủ nhật, ngày lễ, Tết và ngày nghỉ bù do Thủ tướng công bố không được tính.

  Kịch bản: Thời hạn 31/01/2025 rơi vào Tết Ất Tỵ, lùi sang 03/02/2025; không nhắc trong những ngày Tết
    Biết danh mục mẫu đã được nạp và lập kế hoạch năm 2025
    Và nhiệm vụ "QN124-D1.3a-KHKT" (Điều 1, khoản 3, điểm a, đoạn 3) của "Sở Nội vụ" có thời hạn 03/02/2025
    Khi hệ thống chạy mỗi sáng từ 01/01/2025 đến 06/02/2025
    Thì các thư về "QN124-D1.3a-KHKT" là:
      | sáng       | người nhận                            | thư       |
      | 16/01/2025 | đầu mối và thủ trưởng của "Sở Nội vụ" | nhắc việc |
      | 22/01/2025 | đầu mối và thủ trưởng của "Sở Nội vụ" | nhắc việc |
      | 24/01/2025 | đầu mối và thủ trưởng của "Sở Nội vụ" | nhắc việc |
      | 03/02/2025 | đầu mối và thủ trưởng của "Sở Nội vụ" | nhắc việc |
      | 04/02/2025 | đầu mối của "Sở Nội vụ"               | quá hạn   |
      | 04/02/2025 | Văn phòng UBND tỉnh                   | quá hạn   |
      | 06/02/2025 | thủ trưởng của "Sở Nội vụ"            | đôn đốc   |
      | 06/02/2025 | đầu mối của "Sở Nội vụ"               | đôn đốc   |
      | 06/02/2025 | Văn phòng UBND tỉnh                   | đôn đốc   |
    Và không ai nhận thư trong những ngày từ 25/01/2025 đến 02/02/2025
    Và không ai khác nhận thư

  Kịch bản: Thời hạn 30/11/2025 là Chủ nhật, lùi sang thứ Hai 01/12/2025
    Biết danh mục mẫu đã được nạp và lập kế hoạch năm 2025
    Và nhiệm vụ "TQ-DA-GP3-KINHPHI" (Nhóm giải pháp thứ ba (nhân lực và tài chính)) của "Sở Tài chính" có thời hạn 01/12/2025
    Khi hệ thống chạy vào sáng 01/12/2025
    Thì đầu mối và thủ trưởng của "Sở Tài chính" nhận thư nhắc việc về "TQ-DA-GP3-KINHPHI"
    Và thư về "TQ-DA-GP3-KINHPHI" ghi "đến hạn hôm nay"
    Và không ai khác nhận thư
    Khi hệ thống chạy vào sáng 02/12/2025
    Thì đầu mối của "Sở Tài chính" nhận thư quá hạn về "TQ-DA-GP3-KINHPHI"
    Và Văn phòng UBND tỉnh nhận thư quá hạn về "TQ-DA-GP3-KINHPHI"
    Và không ai khác nhận thư
