"""What members write down after a visit or a cell meeting on this coast, as data (not UI text: not translated).

Short, in the register of a field notebook. Some lines depend on the household's
livelihood (fishing, shrimp, shallots), its poverty status, or the season: the
dry season brings salt into the wells (February–May), the rains and storms come
from August, Tết and the Khmer new year bring visits and gifts.
"""

SECURITY = [
    "Tình hình an ninh trật tự ổn định; hộ chấp hành tốt quy định về khu vực biên giới biển.",
    "Ổn định. Gia đình không có người vi phạm pháp luật.",
    "Ổn định; hộ tham gia tổ tự quản an ninh trật tự của ấp.",
    "Không có gì bất thường.",
    "Ổn định. Con trai đi làm công nhân ở Bình Dương, đã đăng ký tạm vắng với công an xã.",
    "Ổn định; xóm có nhóm thanh niên hay tụ tập uống rượu khuya, đã nhắc gia đình quản lý con em.",
    "Ổn định. Hộ cho biết có người lạ đến hỏi thuê ghe ban đêm, đã dặn báo ngay cho Đồn khi thấy nghi vấn.",
    "Tình hình ổn định, hộ nắm được số điện thoại trực ban của Đồn.",
]
SECURITY_FISHING = [
    "Ghe của hộ ra khơi đúng tuyến, đủ giấy tờ; thuyền viên có căn cước.",
    "Ổn định. Đã nhắc chủ ghe không khai thác sai vùng, không dùng xung điện.",
    "Ghe nằm bờ chờ con nước; hộ chấp hành tốt quy định ra vào cửa biển.",
]

WELFARE = {
    "poor": [
        "Hộ nghèo: các thành viên có thẻ bảo hiểm y tế, các cháu được miễn học phí.",
        "Đã nhận hỗ trợ tiền điện hộ nghèo quý này.",
        "Hộ nghèo; nhà còn tạm, mái lá dột khi mưa lớn.",
        "Chồng làm thuê không đều, thu nhập bấp bênh; gạo ăn đủ đến cuối tháng.",
    ],
    "near_poor": [
        "Hộ cận nghèo, được hỗ trợ 70% mệnh giá thẻ bảo hiểm y tế.",
        "Cận nghèo; vợ chồng đi làm thuê, thu nhập tạm đủ chi tiêu.",
        "Đang trả nợ vay Ngân hàng Chính sách xã hội đúng hạn.",
    ],
    "other": [
        "Cuộc sống ổn định, không thuộc diện hưởng chính sách.",
        "Mẹ già được hưởng trợ cấp người cao tuổi hằng tháng.",
        "Gia đình làm ăn ổn định, con cái đi học đầy đủ.",
        "",
    ],
}

ASPIRATIONS = [
    "Không có kiến nghị.",
    "Gia đình phấn khởi, cảm ơn Đồn đã quan tâm thăm hỏi.",
    "Mong có việc làm ổn định cho con trai lớn.",
    "Mong các cháu được tiếp tục đi học, không phải nghỉ giữa chừng.",
    "Muốn cho con gái học nghề may sau khi xong lớp 9.",
    "Mong tuyến đường vào xóm sớm được nâng cấp.",
    "",
    "",
]
ASPIRATIONS_BY_LIVELIHOOD = {
    "hành": [
        "Muốn được hướng dẫn kỹ thuật trồng hành tím ít sâu bệnh.",
        "Lo giá hành tím cuối vụ xuống thấp.",
    ],
    "tôm": [
        "Mong được hướng dẫn cách xử lý nước ao khi tôm bị bệnh.",
        "Muốn vay thêm vốn mua con giống tôm.",
    ],
    "đánh bắt": [
        "Mong có vốn thay máy ghe đã cũ.",
        "Lo thời tiết xấu, ghe nhỏ không ra khơi được nhiều ngày.",
    ],
    "muối": ["Giá muối thấp, mong được hỗ trợ chuyển sang nuôi trồng khác."],
    "làm thuê": ["Mong có việc làm ổn định gần nhà.", "Muốn học nghề để có thu nhập khá hơn."],
    "buôn bán": ["Muốn vay thêm vốn để mở rộng buôn bán."],
}
# Month → lines members note in that season.
SEASONAL = {
    1: ["Gia đình chuẩn bị đón Tết; mong được hỗ trợ quà Tết cho mẹ già."],
    2: ["Nước giếng bắt đầu nhiễm mặn, hộ phải mua nước ngọt để uống.", "Gia đình đón Tết vui vẻ, đầm ấm."],
    3: ["Nước giếng nhiễm mặn, hộ phải mua nước ngọt giá cao."],
    4: ["Gia đình chuẩn bị đón Tết Chôl Chnăm Thmây, mời cán bộ Đồn đến chung vui."],
    5: ["Hạn mặn kéo dài, ruộng hành thiếu nước tưới."],
    8: ["Vào mùa mưa bão, đã nhắc hộ gia cố nhà cửa, neo đậu ghe an toàn."],
    9: ["Các cháu đã tựu trường, gia đình còn thiếu sách vở cho cháu nhỏ."],
    10: ["Chuẩn bị lễ Sene Dolta, gia đình đi chùa cúng ông bà.", "Mưa lớn, nước ngập sân nhà."],
    11: ["Gia đình chuẩn bị lễ hội Ok Om Bok.", "Triều cường dâng cao, nước tràn bờ bao."],
}

# Topics (fieldwork.Topic codes) and how often each is the one a member brings up.
TOPIC_WEIGHTS = [
    ("border-movement", 14),
    ("law", 12),
    ("policy", 12),
    ("border-law", 8),
    ("local-regulations", 6),
    ("crime-prevention", 10),
    ("iuu-fishing", 6),
]

# A cell meeting: what the station's members told the cell, and what the cell raised.
CONTRIBUTIONS = [
    "Đ/c {member} thông tin tình hình an ninh chính trị, trật tự an toàn xã hội khu vực biên giới biển trong tháng.",
    "Đ/c {member} tuyên truyền chống khai thác hải sản bất hợp pháp (IUU), vận động chủ ghe lắp và duy trì thiết bị giám sát hành trình.",
    "Đ/c {member} phổ biến phòng, chống ma túy và mua bán người, cảnh giác với lời mời đi làm việc nhẹ lương cao.",
    "Đ/c {member} báo cáo kết quả giúp đỡ các hộ được phân công phụ trách; đề xuất chi bộ quan tâm các hộ nghèo.",
    "Đ/c {member} tham gia ý kiến vào nghị quyết của chi bộ về phát triển kinh tế, giảm nghèo bền vững.",
    "Đ/c {member} thông báo lịch khám bệnh, cấp thuốc miễn phí của Đồn và vận động bà con tham gia.",
    "Đ/c {member} phổ biến phong trào “Toàn dân tham gia bảo vệ chủ quyền lãnh thổ, an ninh biên giới quốc gia trong tình hình mới”.",
    "Đ/c {member} hướng dẫn thủ tục vay vốn Ngân hàng Chính sách xã hội cho các hộ có nhu cầu.",
]
MEETING_ISSUES = [
    "Tuyến đường bê tông liên ấp xuống cấp, nhiều ổ gà, mùa mưa đọng nước.",
    "Đèn chiếu sáng công cộng trên đường chính của ấp hư nhiều bóng.",
    "Kênh nội đồng bị bồi lắng, thiếu nước tưới hành tím.",
    "Rác thải sinh hoạt tồn đọng ven đê, chưa có xe thu gom đến ấp.",
    "Nhóm thanh niên tụ tập chạy xe lạng lách trên đê biển ban đêm.",
    "Một số hộ chưa có nước máy, mùa khô nước giếng nhiễm mặn.",
    "Đoạn đường đến điểm trường bị ngập khi triều cường.",
    "Đề nghị mở lớp tập huấn kỹ thuật nuôi tôm, trồng hành cho bà con.",
    "Đề nghị tăng cường tuyên truyền phòng, chống ma túy cho thanh niên.",
    "Một số hộ nghèo chưa được rà soát lại mức sống sau khi có việc làm.",
    "Cây cầu gỗ qua kênh mục ván, học sinh qua lại nguy hiểm.",
    "Sạt lở bờ bao ven sông sau đợt triều cường.",
]
