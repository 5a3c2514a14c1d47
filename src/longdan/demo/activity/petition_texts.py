"""Petitions households and hamlet cells raise on this coast, with what the command decided and how each ended.

Each template is one kind of petition as a member would record it, the plan the
station command writes, the body it goes to, and the notes of its resolution and
of the answer carried back. `{hamlet}` is filled with the hamlet's name. Data,
not UI text: not translated.
"""

from dataclasses import dataclass

from longdan.cases.models import Category as C
from longdan.cases.models import ResponsibleBody as B
from longdan.support.models import ProgramKind


@dataclass(frozen=True)
class Template:
    category: str
    title: str
    description: str
    body: str
    plan: str
    resolution: str
    answer: str
    body_name: str = ""
    issue: str = ""  # the line a cell meeting records; set on petitions a hamlet raises as a whole
    needs: str = ""  # a word the household's livelihood must contain ("đánh bắt", "tôm", "hành")
    loan: int = 0  # a job-creation loan (VND) advised at the visit, moving with the petition
    benefit: tuple[str, int, str] | None = None  # (program kind, VND, description) given when resolved


HOUSEHOLD = [
    Template(
        C.INFRASTRUCTURE,
        "Đường giao thông nông thôn vào xóm xuống cấp",
        "Tuyến đường bê tông vào xóm của hộ ở {hamlet} bị lún, nứt nhiều đoạn; mùa mưa đọng nước, "
        "học sinh đi lại khó khăn. Hộ đề nghị xã sớm sửa chữa.",
        B.COMMUNE_COMMITTEE,
        "Báo cáo Đảng ủy xã, đề nghị UBND xã đưa tuyến đường vào kế hoạch duy tu; trước mắt Đồn cử "
        "cán bộ, chiến sĩ cùng nhân dân san lấp các ổ gà.",
        "UBND xã đã bố trí kinh phí duy tu, đổ bê tông lại các đoạn hư hỏng.",
        "Đã báo cho hộ: tuyến đường đã được sửa chữa, đi lại thuận lợi.",
    ),
    Template(
        C.INFRASTRUCTURE,
        "Xin hỗ trợ kéo điện vào nhà",
        "Nhà ở cuối xóm, cách trụ điện hơn 200 m; gia đình câu nhờ điện hàng xóm, giá cao, dây dẫn "
        "không an toàn. Đề nghị hỗ trợ lắp công tơ điện riêng.",
        B.OTHER,
        "Đề nghị Điện lực khảo sát, kéo đường dây hạ thế; Đồn vận động nhà hảo tâm hỗ trợ chi phí công tơ.",
        "Điện lực đã kéo dây, lắp công tơ riêng cho hộ.",
        "Đã báo cho hộ; nhà đã có điện an toàn, giá điện theo bậc thang.",
        body_name="Điện lực khu vực",
    ),
    Template(
        C.ENVIRONMENT,
        "Nước sinh hoạt nhiễm mặn",
        "Mùa khô nước giếng khoan của hộ bị nhiễm mặn, gia đình phải mua nước ngọt giá cao. "
        "Đề nghị hỗ trợ bồn chứa nước hoặc kéo nước máy.",
        B.COMMUNE_COMMITTEE,
        "Phối hợp xã rà soát các hộ thiếu nước ngọt; Đồn chở nước ngọt hỗ trợ trước mắt; đề nghị "
        "đưa hộ vào danh sách hỗ trợ bồn chứa nước.",
        "Hộ được xã hỗ trợ 01 bồn chứa nước 1.000 lít; Trung tâm nước sạch đã khảo sát tuyến ống.",
        "Đã báo cho hộ; gia đình đã nhận bồn chứa, trữ được nước mưa và nước máy.",
    ),
    Template(
        C.ENVIRONMENT,
        "Ao nuôi liền kề xả thải ra kênh chung",
        "Hộ phản ánh ao nuôi tôm liền kề xả nước thải chưa xử lý ra kênh chung, tôm của hộ bị chết rải rác.",
        B.COMMUNE_COMMITTEE,
        "Đề nghị UBND xã kiểm tra việc xả thải; Đồn phối hợp tổ hòa giải ấp làm việc với hộ liền kề.",
        "UBND xã kiểm tra, yêu cầu hộ liền kề làm ao lắng, cam kết không xả thải trực tiếp ra kênh.",
        "Đã báo kết quả kiểm tra cho hộ; nước kênh đã được cải thiện.",
        needs="tôm",
    ),
    Template(
        C.ENVIRONMENT,
        "Sạt lở bờ kênh sát nhà",
        "Bờ kênh phía sau nhà bị sạt lở sau đợt triều cường, nguy cơ ảnh hưởng nhà ở trong mùa mưa.",
        B.COMMUNE_COMMITTEE,
        "Đồn cử lực lượng cùng gia đình đóng cừ tràm, đắp bao cát tạm thời; đề nghị xã khảo sát kè bờ.",
        "Xã đã khảo sát, đưa đoạn bờ kênh vào danh mục kè chống sạt lở; đã gia cố tạm bằng cừ tràm.",
        "Đã báo cho hộ; bờ kênh được gia cố tạm, nhà an toàn qua mùa mưa.",
    ),
    Template(
        C.FISHING_SEA,
        "Ghe bị hư máy, không có tiền sửa",
        "Ghe đánh bắt ven bờ của hộ bị hư máy sau chuyến biển, không đủ tiền sửa, gia đình không có thu nhập.",
        B.STATION,
        "Đồn phối hợp Chi hội nghề cá vận động hỗ trợ kinh phí sửa máy; hướng dẫn hộ làm hồ sơ vay vốn.",
        "Đồn và Chi hội nghề cá hỗ trợ 7 triệu đồng, máy ghe đã được sửa xong.",
        "Đã trao tiền hỗ trợ cho hộ; ghe đã ra khơi trở lại.",
        needs="đánh bắt",
        benefit=(ProgramKind.LIVELIHOOD, 7_000_000, "Hỗ trợ sửa máy ghe"),
    ),
    Template(
        C.FISHING_SEA,
        "Lưới bị tàu cào kéo rách",
        "Lưới của hộ đặt ven bờ bị tàu cào lạ kéo qua làm rách, thiệt hại khoảng 8 triệu đồng. Đề nghị Đồn "
        "kiểm tra tàu cào hoạt động sai tuyến.",
        B.STATION,
        "Tổ công tác của Đồn tăng cường tuần tra vùng ven bờ ban đêm, kiểm tra tàu giã cào khai thác sai tuyến.",
        "Đồn lập biên bản 02 tàu cào khai thác sai tuyến, chuyển xử lý theo quy định; chủ tàu bồi thường một phần.",
        "Đã báo kết quả cho hộ; hộ nhận tiền bồi thường 5 triệu đồng.",
        needs="đánh bắt",
    ),
    Template(
        C.FISHING_SEA,
        "Xin hướng dẫn đăng ký tàu cá và giấy phép khai thác",
        "Hộ mới mua ghe dưới 12 m, chưa biết thủ tục đăng ký tàu cá và xin giấy phép khai thác thủy sản.",
        B.OTHER,
        "Đồn hướng dẫn hộ chuẩn bị hồ sơ; giới thiệu đến Chi cục Thủy sản để đăng ký.",
        "Chi cục Thủy sản đã cấp giấy chứng nhận đăng ký tàu cá và giấy phép khai thác.",
        "Đã báo cho hộ; ghe đã được kẻ số đăng ký, đủ giấy tờ ra khơi.",
        body_name="Chi cục Thủy sản",
        needs="đánh bắt",
    ),
    Template(
        C.LIVELIHOOD_LOANS,
        "Xin hỗ trợ vay vốn giải quyết việc làm",
        "Hộ có nhu cầu vay vốn để mua con giống nuôi tôm thẻ, đề nghị được hướng dẫn thủ tục vay "
        "Ngân hàng Chính sách xã hội.",
        B.SOCIAL_POLICY_BANK,
        "Hướng dẫn hộ lập hồ sơ vay qua Tổ tiết kiệm và vay vốn của ấp; đề nghị Hội Nông dân xã xác nhận.",
        "Ngân hàng Chính sách xã hội đã giải ngân khoản vay 40 triệu đồng, thời hạn 36 tháng.",
        "Đã báo cho hộ; hộ đã thả giống vụ mới.",
        needs="tôm",
        loan=40_000_000,
    ),
    Template(
        C.LIVELIHOOD_LOANS,
        "Xin vay vốn mua máy móc sản xuất",
        "Hộ trồng hành tím muốn vay vốn mua máy bơm và hệ thống tưới phun để giảm công làm thuê.",
        B.SOCIAL_POLICY_BANK,
        "Hướng dẫn hộ lập phương án sản xuất, hồ sơ vay vốn; Đồn xác nhận hộ thuộc diện hộ được phân công giúp đỡ.",
        "Ngân hàng Chính sách xã hội đã giải ngân khoản vay 30 triệu đồng.",
        "Đã báo cho hộ; hộ đã lắp hệ thống tưới cho ruộng hành.",
        needs="hành",
        loan=30_000_000,
    ),
    Template(
        C.LIVELIHOOD_LOANS,
        "Xin hỗ trợ con giống",
        "Hộ đề nghị được hỗ trợ con giống để chăn nuôi, có thêm thu nhập ngoài ngày công làm thuê.",
        B.STATION,
        "Đồn đưa hộ vào danh sách nhận bò giống của chương trình hỗ trợ sinh kế; hướng dẫn làm chuồng trại.",
        "Hộ được Đồn trao 01 con bò giống sinh sản.",
        "Đã trao bò giống; cán bộ thú y xã hướng dẫn cách chăm sóc.",
        benefit=(ProgramKind.LIVELIHOOD, 15_000_000, "Bò giống sinh sản"),
    ),
    Template(
        C.LIVELIHOOD_LOANS,
        "Giá hành tím xuống thấp, xin hỗ trợ tiêu thụ",
        "Vụ hành tím được mùa nhưng thương lái mua giá thấp, hộ đề nghị được kết nối tiêu thụ.",
        B.COMMUNE_COMMITTEE,
        "Báo cáo UBND xã, đề nghị kết nối hợp tác xã thu mua hành tím cho bà con.",
        "UBND xã kết nối hợp tác xã thu mua hành tím với giá ổn định theo hợp đồng.",
        "Đã báo cho hộ; hộ bán được hành cho hợp tác xã.",
        needs="hành",
    ),
    Template(
        C.LIVELIHOOD_LOANS,
        "Xin học nghề cho con",
        "Con trai đã nghỉ học, đề nghị được giới thiệu học nghề sửa xe máy hoặc điện dân dụng miễn phí.",
        B.COMMUNE_COMMITTEE,
        "Đề nghị xã giới thiệu cháu vào lớp đào tạo nghề cho lao động nông thôn.",
        "Cháu đã được nhận vào lớp sửa chữa xe máy của Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên.",
        "Đã báo cho gia đình; cháu đã đi học nghề.",
    ),
    Template(
        C.SOCIAL_WELFARE,
        "Xin rà soát đưa vào diện hộ cận nghèo",
        "Chủ hộ bị tai nạn lao động, không làm được việc nặng, thu nhập giảm sút; đề nghị được rà soát đưa "
        "vào danh sách hộ cận nghèo.",
        B.COMMUNE_COMMITTEE,
        "Đề nghị Ban giảm nghèo xã rà soát thường xuyên hoàn cảnh của hộ.",
        "Ban giảm nghèo xã đã rà soát, công nhận hộ cận nghèo.",
        "Đã báo cho hộ; hộ được hưởng chính sách hộ cận nghèo.",
    ),
    Template(
        C.SOCIAL_WELFARE,
        "Con khuyết tật chưa được hưởng trợ cấp",
        "Con trai bị khuyết tật vận động từ nhỏ, chưa được xác định mức độ khuyết tật và hưởng trợ cấp xã hội.",
        B.COMMUNE_COMMITTEE,
        "Hướng dẫn gia đình làm hồ sơ xác định mức độ khuyết tật; đề nghị xã xem xét.",
        "Hội đồng xác định mức độ khuyết tật xã đã họp; cháu được hưởng trợ cấp xã hội hằng tháng.",
        "Đã báo cho gia đình; cháu nhận trợ cấp từ tháng sau.",
    ),
    Template(
        C.SOCIAL_WELFARE,
        "Nhà ở tạm bợ, xin hỗ trợ sửa nhà",
        "Nhà lá của hộ xuống cấp, mái dột, vách hở; đề nghị xem xét hỗ trợ xây nhà.",
        B.STATION,
        "Đồn đề xuất Bộ Chỉ huy xét hỗ trợ từ chương trình “Mái ấm biên cương”; huy động ngày công giúp hộ.",
        "Hộ được hỗ trợ xây nhà từ chương trình “Mái ấm biên cương”; Đồn góp 60 ngày công.",
        "Đã bàn giao nhà cho hộ.",
        benefit=(ProgramKind.HOUSING, 70_000_000, "Xây nhà “Mái ấm biên cương”"),
    ),
    Template(
        C.SOCIAL_WELFARE,
        "Người cao tuổi sống một mình chưa nhận trợ cấp",
        "Cụ sống một mình, đã đủ tuổi nhưng chưa được hưởng trợ cấp người cao tuổi.",
        B.COMMUNE_COMMITTEE,
        "Hướng dẫn làm hồ sơ đề nghị hưởng trợ cấp xã hội; đề nghị xã giải quyết sớm.",
        "UBND xã đã quyết định cho cụ hưởng trợ cấp xã hội hằng tháng.",
        "Đã báo cho cụ; Đồn tặng thêm quà và thăm hỏi định kỳ.",
    ),
    Template(
        C.LAND,
        "Tranh chấp ranh giới đất với hộ liền kề",
        "Hộ có tranh chấp ranh giới khoảng 1 m đất vườn với hộ liền kề, hai bên đã cự cãi nhiều lần; "
        "đề nghị chính quyền hòa giải.",
        B.COMMUNE_COMMITTEE,
        "Đồn phối hợp tổ hòa giải ấp tổ chức hòa giải; đề nghị địa chính xã đo đạc lại ranh giới.",
        "Địa chính xã đo đạc, hai hộ thống nhất ranh giới, ký biên bản hòa giải thành.",
        "Đã báo cho hộ; hai gia đình đã vui vẻ trở lại.",
    ),
    Template(
        C.LAND,
        "Chưa được cấp giấy chứng nhận quyền sử dụng đất",
        "Đất ở của hộ sử dụng ổn định hơn 20 năm nhưng chưa được cấp giấy chứng nhận quyền sử dụng đất.",
        B.COMMUNE_COMMITTEE,
        "Hướng dẫn hộ hoàn thiện hồ sơ; đề nghị xã xác nhận nguồn gốc đất, chuyển Văn phòng đăng ký đất đai.",
        "Hồ sơ đã được xã xác nhận và chuyển đi; hộ đã nhận giấy chứng nhận quyền sử dụng đất.",
        "Đã báo cho hộ.",
    ),
    Template(
        C.LEGAL,
        "Con chưa được đăng ký khai sinh",
        "Cháu nhỏ sinh tại nhà, cha mẹ chưa đăng ký khai sinh; đề nghị hướng dẫn thủ tục đăng ký khai sinh quá hạn.",
        B.COMMUNE_COMMITTEE,
        "Hướng dẫn gia đình chuẩn bị giấy tờ; đề nghị công chức tư pháp – hộ tịch xã giải quyết.",
        "Cháu đã được đăng ký khai sinh, cấp bản chính giấy khai sinh.",
        "Đã báo cho gia đình; cháu được cấp thẻ bảo hiểm y tế trẻ em.",
    ),
    Template(
        C.LEGAL,
        "Người già chưa làm được căn cước",
        "Mẹ già đi lại khó khăn, chưa làm thẻ căn cước; đề nghị được làm thủ tục tại nhà.",
        B.COMMUNE_POLICE,
        "Đề nghị Công an xã bố trí cấp căn cước lưu động cho người già yếu.",
        "Công an xã đã làm thủ tục cấp căn cước tại nhà.",
        "Đã báo cho hộ; cụ đã nhận thẻ căn cước.",
    ),
    Template(
        C.LEGAL,
        "Xin tư vấn thủ tục thừa kế",
        "Cha mất không để lại di chúc, các anh em muốn làm thủ tục khai nhận di sản là nhà đất nhưng chưa biết cách.",
        B.STATION,
        "Cán bộ Đồn phối hợp công chức tư pháp xã tư vấn trực tiếp cho gia đình.",
        "Đồn và tư pháp xã đã tư vấn; gia đình đã làm thủ tục khai nhận di sản.",
        "Đã báo cho hộ.",
    ),
    Template(
        C.SECURITY_ORDER,
        "Mất trộm tôm trong ao ban đêm",
        "Ao tôm của hộ bị kẻ gian bắt trộm ban đêm hai lần trong tháng, thiệt hại khoảng 6 triệu đồng.",
        B.COMMUNE_POLICE,
        "Đồn phối hợp Công an xã tăng cường tuần tra ban đêm khu vực ao nuôi; vận động tổ tự quản canh giữ.",
        "Công an xã xác minh, xử lý đối tượng trộm cắp; tình hình đã ổn định.",
        "Đã báo kết quả cho hộ.",
        needs="tôm",
    ),
    Template(
        C.SECURITY_ORDER,
        "Mất trộm ngư lưới cụ",
        "Ngư lưới cụ phơi trên bờ của hộ bị mất trộm, thiệt hại khoảng 4 triệu đồng.",
        B.COMMUNE_POLICE,
        "Đề nghị Công an xã xác minh; Đồn nhắc các hộ trong xóm cảnh giác, cất giữ tài sản.",
        "Công an xã thu hồi được một phần ngư cụ, trả lại cho hộ.",
        "Đã báo cho hộ.",
        needs="đánh bắt",
    ),
    Template(
        C.SECURITY_ORDER,
        "Con trai bị rủ rê đi làm ăn xa",
        "Con trai 17 tuổi được người quen rủ sang nước ngoài làm việc “nhẹ lương cao”, gia đình lo bị lừa.",
        B.STATION,
        "Đồn cử cán bộ gặp gỡ, tuyên truyền cho cháu và gia đình về thủ đoạn lừa đảo, mua bán người.",
        "Cháu đã hiểu, không đi; Đồn xác minh người rủ rê và báo cơ quan chức năng.",
        "Đã trao đổi lại với gia đình; gia đình yên tâm.",
    ),
    Template(
        C.HEALTH,
        "Xin hỗ trợ chi phí chữa bệnh",
        "Chủ hộ bị bệnh thận phải chạy thận định kỳ tại bệnh viện, chi phí đi lại lớn; đề nghị hỗ trợ.",
        B.STATION,
        "Đồn vận động các nhà hảo tâm và quỹ “Vì người nghèo” hỗ trợ; đề nghị xã xem xét trợ cấp đột xuất.",
        "Đồn và các nhà hảo tâm hỗ trợ 5 triệu đồng; xã trợ cấp đột xuất.",
        "Đã trao tiền hỗ trợ cho gia đình.",
        benefit=(ProgramKind.GIFT, 5_000_000, "Hỗ trợ chi phí chữa bệnh"),
    ),
    Template(
        C.HEALTH,
        "Chưa được cấp thẻ bảo hiểm y tế",
        "Hộ cận nghèo nhưng các thành viên chưa nhận được thẻ bảo hiểm y tế năm nay.",
        B.COMMUNE_COMMITTEE,
        "Đề nghị xã kiểm tra danh sách cấp thẻ bảo hiểm y tế hộ cận nghèo.",
        "Xã đã bổ sung danh sách; các thành viên của hộ đã nhận thẻ bảo hiểm y tế.",
        "Đã báo cho hộ.",
    ),
    Template(
        C.EDUCATION,
        "Con có nguy cơ bỏ học",
        "Cháu lớn học lớp 8 có ý định nghỉ học đi làm thuê vì gia đình khó khăn.",
        B.STATION,
        "Đồn đưa cháu vào chương trình “Nâng bước em tới trường”; phối hợp nhà trường động viên cháu.",
        "Cháu được nhận hỗ trợ 500.000 đồng/tháng, đã đi học lại đều.",
        "Đã báo cho gia đình.",
        benefit=(ProgramKind.SCHOLARSHIP, 500_000, "Hỗ trợ học sinh tháng đầu"),
    ),
    Template(
        C.EDUCATION,
        "Xin hỗ trợ xe đạp cho con đi học",
        "Nhà cách trường hơn 5 km, cháu phải đi bộ; đề nghị hỗ trợ xe đạp.",
        B.STATION,
        "Đồn vận động nhà hảo tâm tặng xe đạp cho học sinh nghèo.",
        "Cháu được tặng 01 xe đạp.",
        "Đã trao xe cho cháu.",
        benefit=(ProgramKind.GIFT, 2_500_000, "Xe đạp cho học sinh"),
    ),
]

HAMLET = [
    Template(
        C.INFRASTRUCTURE,
        "Đèn chiếu sáng công cộng bị hư",
        "Cuộc họp chi bộ {hamlet} phản ánh: nhiều bóng đèn chiếu sáng trên tuyến đường chính của ấp hư đã lâu, "
        "ban đêm tối, người dân lo mất an ninh trật tự.",
        B.COMMUNE_COMMITTEE,
        "Đề nghị UBND xã phối hợp Điện lực thay bóng; Đồn vận động thanh niên lắp thêm đèn năng lượng mặt trời.",
        "Xã đã thay 12 bóng đèn; Đồn và Đoàn thanh niên lắp thêm 6 đèn năng lượng mặt trời.",
        "Đã thông báo tại cuộc họp chi bộ tháng sau.",
        issue="Đèn chiếu sáng công cộng trên đường chính của ấp hư nhiều bóng, ban đêm tối.",
    ),
    Template(
        C.INFRASTRUCTURE,
        "Kênh thủy lợi nội đồng bị bồi lắng",
        "Chi bộ {hamlet} kiến nghị: đoạn kênh cấp nước cho ruộng hành bị bồi lắng, không đủ nước tưới cho vụ mới.",
        B.COMMUNE_COMMITTEE,
        "Đề nghị UBND xã nạo vét kênh trước vụ; Đồn huy động cán bộ, chiến sĩ cùng nhân dân phát quang bờ kênh.",
        "Xã đã thuê máy nạo vét hơn 800 m kênh.",
        "Đã thông báo tại cuộc họp chi bộ.",
        issue="Kênh nội đồng bị bồi lắng, không đủ nước tưới vụ mới.",
    ),
    Template(
        C.INFRASTRUCTURE,
        "Cầu gỗ qua kênh mục ván",
        "Chi bộ {hamlet} phản ánh: cây cầu gỗ qua kênh mục ván, tay vịn gãy, học sinh qua lại nguy hiểm.",
        B.STATION,
        "Đồn phối hợp Đoàn thanh niên xã làm lại mặt cầu bằng vật liệu do Đồn vận động.",
        "Đồn và Đoàn thanh niên đã thay ván, làm lại tay vịn cầu.",
        "Đã thông báo tại cuộc họp chi bộ; bà con cảm ơn Đồn.",
        issue="Cây cầu gỗ qua kênh mục ván, học sinh qua lại nguy hiểm.",
    ),
    Template(
        C.ENVIRONMENT,
        "Rác thải tồn đọng ven đê",
        "Chi bộ {hamlet} phản ánh: rác thải sinh hoạt tồn đọng dọc đê biển và ven đường, bốc mùi; chưa có xe "
        "thu gom đến ấp.",
        B.COMMUNE_COMMITTEE,
        "Đề nghị xã bố trí điểm tập kết và lịch thu gom; Đồn phối hợp ra quân dọn vệ sinh đê biển.",
        "Xã đã bố trí điểm tập kết, xe thu gom 2 lần mỗi tuần.",
        "Đã thông báo tại cuộc họp chi bộ.",
        issue="Rác thải tồn đọng ven đê, chưa có xe thu gom đến ấp.",
    ),
    Template(
        C.SECURITY_ORDER,
        "Thanh niên tụ tập chạy xe gây mất trật tự",
        "Chi bộ {hamlet} phản ánh: nhóm thanh niên thường tụ tập chạy xe tốc độ cao, nẹt pô trên đê biển ban đêm.",
        B.COMMUNE_POLICE,
        "Đồn phối hợp Công an xã tuần tra ban đêm; gặp gỡ gia đình các thanh niên để nhắc nhở.",
        "Công an xã lập biên bản, tạm giữ 3 xe; tình hình đã ổn định.",
        "Đã thông báo tại cuộc họp chi bộ.",
        issue="Nhóm thanh niên tụ tập chạy xe lạng lách trên đê biển ban đêm.",
    ),
    Template(
        C.HEALTH,
        "Trẻ em mắc sốt xuất huyết",
        "Chi bộ {hamlet} báo: trong xóm có 3 trẻ mắc sốt xuất huyết, đề nghị phun thuốc diệt muỗi.",
        B.OTHER,
        "Báo Trạm Y tế xã; Đồn phối hợp ra quân diệt lăng quăng, phát quang bụi rậm.",
        "Trạm Y tế xã đã phun hóa chất diệt muỗi, hướng dẫn người dân diệt lăng quăng.",
        "Đã thông báo tại cuộc họp chi bộ; các cháu đã khỏi bệnh.",
        body_name="Trạm Y tế xã",
        issue="Trong xóm có trẻ mắc sốt xuất huyết, cần phun thuốc diệt muỗi.",
    ),
    Template(
        C.EDUCATION,
        "Đường đến điểm trường ngập khi triều cường",
        "Chi bộ {hamlet} kiến nghị: đoạn đường đến điểm trường tiểu học ngập sâu mỗi lần triều cường, các cháu "
        "phải nghỉ học.",
        B.COMMUNE_COMMITTEE,
        "Đề nghị UBND xã nâng cao đoạn đường; Đồn hỗ trợ đưa đón học sinh những ngày triều cường.",
        "Xã đã nâng cao đoạn đường 150 m.",
        "Đã thông báo tại cuộc họp chi bộ.",
        issue="Đoạn đường đến điểm trường bị ngập khi triều cường.",
    ),
]

# Petitions the station command turns down, and why.
REJECTED = [
    (
        Template(
            C.LEGAL,
            "Thương lái nợ tiền mua hành chưa trả",
            "Hộ bán hành cho thương lái từ vụ trước, thương lái còn nợ 12 triệu đồng chưa trả; đề nghị Đồn can thiệp đòi nợ.",
            B.STATION,
            "",
            "",
            "",
        ),
        "Tranh chấp dân sự giữa hộ và thương lái, không thuộc thẩm quyền của Đồn; đã hướng dẫn hộ làm đơn "
        "khởi kiện tại Tòa án nhân dân khu vực.",
    ),
    (
        Template(
            C.LAND,
            "Xin cấp thêm đất sản xuất",
            "Hộ không có đất sản xuất, đề nghị được cấp đất để trồng hành.",
            B.COMMUNE_COMMITTEE,
            "",
            "",
            "",
        ),
        "Địa phương không còn quỹ đất công để giao; đã giải thích cho hộ và hướng dẫn vay vốn chuyển đổi nghề.",
    ),
    (
        Template(
            C.SOCIAL_WELFARE,
            "Xin hỗ trợ trả nợ vay ngoài",
            "Hộ vay tiền ngoài lãi cao, đến hạn không trả được, đề nghị được hỗ trợ trả nợ.",
            B.STATION,
            "",
            "",
            "",
        ),
        "Không thuộc chính sách hỗ trợ; đã tuyên truyền cho hộ về tác hại của tín dụng đen và hướng dẫn "
        "vay vốn chính sách để sản xuất.",
    ),
]
DUPLICATE_REASON = "Trùng với kiến nghị đã tiếp nhận trước đó, đang được giải quyết."
WITHDRAW_REASONS = [
    "Hộ đã tự thỏa thuận được với hộ liền kề, không còn yêu cầu.",
    "Gia đình đã tự khắc phục, không còn kiến nghị.",
    "Cả gia đình lên Bình Dương làm công nhân, không còn nhu cầu.",
    "Hộ đã được người thân giúp đỡ, xin rút kiến nghị.",
]
REOPEN_REASON = "Hộ phản ánh kết quả chưa đạt: sau đợt mưa lớn tình trạng cũ tái diễn; đề nghị kiểm tra lại."
