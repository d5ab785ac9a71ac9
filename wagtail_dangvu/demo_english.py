"""English versions of the demo content's strings, keyed by the Vietnamese source
string, for dangvu_demo's translations through wagtail-localize.
"""

ENGLISH: dict[str, str] = {
    "Đảng bộ xã Long Bình": "Long Bình Commune Party Organisation",
    "home": "home",
    "Báo cáo sơ kết, tổng kết": "Interim and final review reports",
    "bao-cao": "reports",
    "Báo cáo kết quả thực hiện các nghị quyết, chỉ thị, kết luận của Đảng.": (
        "Reports on the results of implementing the Party's resolutions, directives and "
        "conclusions."
    ),
    (
        "Xã Long Bình qua 01 năm thực hiện Kết luận số 21-KL/TW của Ban Chấp hành Trung ương Đảng "
        "(khóa XIII)"
    ): (
        "Long Bình commune after one year of implementing Conclusion No. 21-KL/TW of the Party "
        "Central Committee (term XIII)"
    ),
    "long-binh-01-nam-thuc-hien-ket-luan-21": "long-binh-one-year-of-conclusion-21",
    (
        "Một năm sau khi Ban Chấp hành Trung ương ban hành Kết luận 21-KL/TW, Đảng bộ xã Long Bình "
        "đã quán triệt ở toàn bộ chi bộ, tăng cường kiểm tra, giám sát và vượt chỉ tiêu phát triển "
        "đảng viên."
    ): (
        "One year after the Central Committee issued Conclusion 21-KL/TW, the Long Bình "
        "Commune Party Organisation has disseminated it thoroughly in every Party cell, "
        "stepped up inspection and supervision, and exceeded its target for admitting new "
        "Party members."
    ),
    "Đảng ủy xã Long Bình": "Long Bình Commune Party Committee",
    "Long Bình": "Long Bình",
    "Huỳnh Thị Diễm Trinh": "Huỳnh Thị Diễm Trinh",
    (
        "Để thực hiện Kế hoạch 44-KH/HU ngày 14/3/2022 của Ban Thường vụ Huyện ủy Gò Công Tây về "
        "Kết luận 21-KL/TW ngày 25/10/2021, Ban Thường vụ Đảng ủy xã đã ban hành Kế hoạch 25 "
        "-KH/ĐU ngày 18/3/2022 với 08 nhiệm vụ trọng tâm, rồi tổ chức quán triệt ở tất cả chi bộ, "
        "cơ quan, đơn vị bằng hình thức sinh hoạt chuyên đề."
    ): (
        "To implement Plan 44-KH/HU dated 14/3/2022 of the Standing Committee of the Gò Công "
        "Tây District Party Committee on Conclusion 21-KL/TW dated 25/10/2021, the Standing "
        "Committee of the commune Party Committee issued Plan 25 -KH/ĐU dated 18/3/2022 with "
        "eight key tasks, then had it thoroughly disseminated in all Party cells, agencies and "
        "units through thematic meetings."
    ),
    (
        "Việc thực hiện được gắn với Nghị quyết Đại hội Đảng bộ xã lần thứ VII, với Kết luận "
        "01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện CT 05 –CT/TW, với Quy định "
        "37 – QĐ/TW về những điều đảng viên không được làm và với các quy định về trách nhiệm nêu "
        "gương của cán bộ, đảng viên."
    ): (
        "Implementation has been linked with the Resolution of the VIIth Congress of the "
        "commune Party Organisation, with Conclusion 01-KL/TW dated 18/5/2021 of the Politburo "
        "on continuing to implement CT 05 –CT/TW, with Regulation 37 – QĐ/TW on the things "
        "Party members must not do, and with the regulations on the responsibility of cadres "
        "and Party members to set an example."
    ),
    "Kết quả sau 01 năm": "Results after one year",
    "Chi bộ được củng cố, nâng chất": "Party cells consolidated and improved",
    "%": "%",
    "Phát triển đảng viên trong năm": "New Party members admitted in the year",
    "Số cuộc kiểm tra, giám sát trong năm": (
        "Number of inspection and supervision sessions in the year"
    ),
    "Đảng ủy và Ủy ban Kiểm tra xã thực hiện 14 cuộc; các chi bộ trực thuộc thực hiện 126 cuộc.": (
        "The commune Party Committee and Inspection Committee conducted 14 sessions; the "
        "affiliated Party cells conducted 126 sessions."
    ),
    "cuộc": "sessions",
    "Đảng ủy và UBKT xã": "Commune Party Committee and Inspection Committee",
    "Các chi bộ trực thuộc": "Affiliated Party cells",
    "Kiểm tra, giám sát": "Inspection and supervision",
    (
        "Sinh hoạt chi bộ được nâng chất lượng theo Hướng dẫn 05 – HD/BTCTU ngày 01/11/2018 của "
        "Ban Tổ chức Tỉnh ủy. Qua một năm, vai trò lãnh đạo của cấp ủy và người đứng đầu được nâng "
        "lên, cán bộ, đảng viên gương mẫu hơn, niềm tin của nhân dân vào Đảng được củng cố."
    ): (
        "The quality of Party cell meetings has been raised in line with Guidance 05 – "
        "HD/BTCTU dated 01/11/2018 of the Organisation Commission of the Provincial Party "
        "Committee. Over the year, the leading role of Party committees and heads has been "
        "enhanced, cadres and Party members have set a better example, and the people's trust "
        "in the Party has been strengthened."
    ),
    "Kế hoạch được ban hành kịp thời và quán triệt ở 100% chi bộ.": (
        "The Plan was issued promptly and thoroughly disseminated in 100% of Party cells."
    ),
    "Kiểm tra, giám sát được tăng cường ở cả Đảng ủy và chi bộ.": (
        "Inspection and supervision were stepped up in both the Party Committee and Party cells."
    ),
    "Phát triển đảng viên vượt chỉ tiêu.": (
        "The target for admitting new Party members was exceeded."
    ),
    "Một số chi bộ sinh hoạt chuyên đề còn hình thức.": (
        "Thematic meetings in some Party cells are still a mere formality."
    ),
    "Việc tự phê bình ở vài nơi chưa thẳng thắn.": (
        "In some places, self-criticism is not yet candid."
    ),
    "Một bộ phận cấp ủy viên chưa dành đủ thời gian cho công tác này.": (
        "Some Party committee members have not devoted enough time to this work."
    ),
    "Người đứng đầu phải gương mẫu trước và chịu trách nhiệm đến cùng.": (
        "Heads must set an example first and take responsibility to the end."
    ),
    "Đổi mới nội dung sinh hoạt chi bộ theo Hướng dẫn 05-HD/BTCTU.": (
        "Renew the content of Party cell meetings in line with Guidance 05-HD/BTCTU."
    ),
    "Gắn kiểm điểm cuối năm với kế hoạch khắc phục hạn chế.": (
        "Link year-end self-reviews with plans to remedy limitations."
    ),
    "Huyện ủy tiếp tục mở lớp bồi dưỡng cho bí thư chi bộ.": (
        "The District Party Committee should continue to hold training courses for Party cell "
        "secretaries."
    ),
    "Kết luận": "Conclusion",
    "Ban Chấp hành Trung ương Đảng": "Party Central Committee",
    (
        "Về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị; kiên quyết ngăn chặn, đẩy "
        "lùi, xử lý nghiêm cán bộ, đảng viên suy thoái về tư tưởng chính trị, đạo đức, lối sống, "
        "biểu hiện “tự diễn biến”, “tự chuyển hóa”."
    ): (
        "On stepping up the building and rectification of the Party and the political system; "
        "resolutely preventing, repelling and strictly handling cadres and Party members who "
        "have degenerated in political ideology, ethics and lifestyle, or who show signs of "
        "“self-evolution” and “self-transformation”."
    ),
    "Kế hoạch": "Plan",
    "Ban Thường vụ Huyện ủy Gò Công Tây": (
        "Standing Committee of the Gò Công Tây District Party Committee"
    ),
    "Thực hiện Kết luận 21-KL/TW của Ban Chấp hành Trung ương Đảng (khóa XIII).": (
        "Implementing Conclusion 21-KL/TW of the Party Central Committee (term XIII)."
    ),
    "Ban Thường vụ Đảng ủy xã Long Bình": (
        "Standing Committee of the Long Bình Commune Party Committee"
    ),
    (
        "Cụ thể hóa Kế hoạch 44-KH/HU của Ban Thường vụ Huyện ủy về thực hiện Kết luận 21-KL/TW "
        "trong Đảng bộ xã."
    ): (
        "Giving concrete form to Plan 44-KH/HU of the Standing Committee of the District Party "
        "Committee on implementing Conclusion 21-KL/TW in the commune Party Organisation."
    ),
    "Cuộc kiểm tra, giám sát của Đảng ủy và UBKT xã": (
        "Inspection and supervision sessions by the commune Party Committee and Inspection "
        "Committee"
    ),
    "Cuộc kiểm tra, giám sát của các chi bộ": "Inspection and supervision sessions by Party cells",
    "Mô hình dân vận khéo": "Skilled mass mobilisation models",
    "mô hình": "models",
    "Phát triển đảng viên so với chỉ tiêu": "New Party members admitted against target",
    "Sự kiện": "Events",
    "su-kien": "events",
    (
        "Tọa đàm, hội nghị, hội thảo của Đảng bộ xã. Theo dõi lịch sự kiện để biết trước các hội "
        "nghị sắp diễn ra."
    ): (
        "Seminars, conferences and workshops of the commune Party Organisation. Follow the "
        "events calendar to learn of upcoming conferences in advance."
    ),
    "Tọa đàm giải pháp thực hiện Kết luận 21-KL/TW trong chi bộ, cơ quan, đơn vị": (
        "Seminar on solutions for implementing Conclusion 21-KL/TW in Party cells, agencies "
        "and units"
    ),
    "toa-dam-giai-phap-thuc-hien-ket-luan-21": "seminar-on-implementing-conclusion-21",
    (
        "Nhân dịp kỷ niệm Ngày thành lập Quân đội nhân dân Việt Nam, Đảng ủy xã Long Bình tổ chức "
        "tọa đàm bàn giải pháp đưa Kết luận 21-KL/TW vào từng chi bộ, cơ quan, đơn vị. Buổi tọa "
        "đàm nghe 16 ý kiến tham luận và thống nhất 06 giải pháp."
    ): (
        "On the occasion of the anniversary of the founding of the Vietnam People's Army, the "
        "Long Bình Commune Party Committee held a seminar to discuss solutions for bringing "
        "Conclusion 21-KL/TW into every Party cell, agency and unit. The seminar heard 16 "
        "contributions and agreed on 06 solutions."
    ),
    "Hội trường Đảng ủy xã Long Bình": "Hall of the Long Bình Commune Party Committee",
    "xã Long Bình, huyện Gò Công Tây, tỉnh Tiền Giang": (
        "Long Bình commune, Gò Công Tây district, Tiền Giang province"
    ),
    "Kỷ niệm 78 năm Ngày thành lập Quân đội nhân dân Việt Nam (22/12/1944 – 22/12/2022)": (
        "78th anniversary of the founding of the Vietnam People's Army (22/12/1944 – 22/12/2022)"
    ),
    "Nguyễn Thị Kim Ngọc": "Nguyễn Thị Kim Ngọc",
    "Huyện ủy viên, Bí thư Đảng ủy xã": (
        "Member of the District Party Committee, Secretary of the commune Party Committee"
    ),
    "Phát biểu tổng kết buổi tọa đàm": "Delivered the closing remarks summing up the seminar",
    "Đặng Hoàng Thọ": "Đặng Hoàng Thọ",
    "Phó Bí thư Thường trực Đảng ủy xã": "Standing Deputy Secretary of the commune Party Committee",
    "Trình bày báo cáo đề dẫn, gợi ý nội dung thảo luận": (
        "Presented the keynote report and suggested topics for discussion"
    ),
    (
        "Các đồng chí Ủy viên Ban Chấp hành Đảng bộ xã; Trưởng, Phó các ban, ngành, đoàn thể xã; "
        "Bí thư, Phó Bí thư các chi bộ trực thuộc Đảng bộ xã."
    ): (
        "Members of the Executive Committee of the commune Party Organisation; heads and "
        "deputy heads of the commune's boards, sectors and mass organisations; secretaries and "
        "deputy secretaries of the Party cells under the commune Party Organisation."
    ),
    (
        "Mở đầu buổi tọa đàm, đồng chí Phó Bí thư Thường trực Đảng ủy xã trình bày báo cáo đề dẫn, "
        "điểm lại một năm thực hiện Kế hoạch 25-KH/ĐU và gợi ý những vấn đề cần trao đổi."
    ): (
        "Opening the seminar, the Standing Deputy Secretary of the commune Party Committee "
        "presented the keynote report, reviewing one year of implementing Plan 25-KH/ĐU and "
        "suggesting issues for discussion."
    ),
    (
        "Các ý kiến tham luận tập trung vào vai trò của cấp ủy và người đứng đầu, chất lượng sinh "
        "hoạt chi bộ, phê bình và tự phê bình, kiểm tra, giám sát và kỷ luật, kỷ cương. Kết thúc "
        "buổi tọa đàm, đồng chí Bí thư Đảng ủy xã tổng hợp các ý kiến thành những kết luận dưới "
        "đây."
    ): (
        "The contributions focused on the role of Party committees and heads, the quality of "
        "Party cell meetings, criticism and self-criticism, inspection and supervision, and "
        "discipline and order. Closing the seminar, the Secretary of the commune Party "
        "Committee summed up the views in the conclusions below."
    ),
    "Bí thư Chi bộ": "Party cell Secretary",
    "Chi bộ ấp Long Hòa": "Long Hòa hamlet Party cell",
    "Xây dựng kế hoạch thực hiện Kết luận sát với tình hình của ấp": (
        "Drawing up a plan for implementing the Conclusion that fits the hamlet's situation"
    ),
    "Chi bộ ấp Long Thạnh": "Long Thạnh hamlet Party cell",
    "Đổi mới hình thức học tập, quán triệt và tuyên truyền Kết luận đến từng đảng viên": (
        "Renewing the ways of studying, disseminating and communicating the Conclusion to "
        "every Party member"
    ),
    "Phó Bí thư Chi bộ": "Party cell Deputy Secretary",
    "Chi bộ ấp Long Phú": "Long Phú hamlet Party cell",
    "Vai trò lãnh đạo của cấp ủy chi bộ trong tổ chức thực hiện": (
        "The leading role of the Party cell committee in organising implementation"
    ),
    "Chi bộ Cơ quan Đảng - Đoàn thể xã": (
        "Party cell of the commune Party and Mass Organisation Agencies"
    ),
    "Trách nhiệm nêu gương của người đứng đầu cơ quan, đơn vị": (
        "The responsibility of heads of agencies and units to set an example"
    ),
    "Chi bộ ấp Bình Hòa": "Bình Hòa hamlet Party cell",
    "Tính tiên phong, gương mẫu của đảng viên nơi khu dân cư": (
        "The pioneering and exemplary role of Party members in residential areas"
    ),
    "Chi bộ ấp Bình Thạnh": "Bình Thạnh hamlet Party cell",
    "Phê bình và tự phê bình trong sinh hoạt chi bộ gắn với tu dưỡng, rèn luyện": (
        "Criticism and self-criticism in Party cell meetings linked with self-cultivation and "
        "self-improvement"
    ),
    "Chi bộ ấp Long Hưng": "Long Hưng hamlet Party cell",
    "Kế hoạch sửa chữa, khắc phục hạn chế, khuyết điểm sau kiểm điểm": (
        "Plans to correct and remedy limitations and shortcomings after self-reviews"
    ),
    "Chi bộ ấp Long Trung": "Long Trung hamlet Party cell",
    "Kiểm tra, giám sát của chi bộ đối với việc thực hiện nhiệm vụ của đảng viên": (
        "The Party cell's inspection and supervision of how Party members perform their duties"
    ),
    "Chi bộ ấp Long Thuận": "Long Thuận hamlet Party cell",
    "Giám sát việc thực hiện nghị quyết của chi bộ": (
        "Supervising the implementation of the Party cell's resolutions"
    ),
    "Chi bộ Cơ quan Chính quyền xã": "Party cell of the commune Government Agencies",
    "Siết chặt kỷ luật, kỷ cương, đề cao trách nhiệm người đứng đầu trong thực thi công vụ": (
        "Tightening discipline and order and upholding the responsibility of heads in "
        "performing public duties"
    ),
    "Chủ tịch Ủy ban Mặt trận Tổ quốc xã": "Chair of the commune Fatherland Front Committee",
    "Ủy ban Mặt trận Tổ quốc Việt Nam xã": "Commune Committee of the Vietnam Fatherland Front",
    "Đổi mới nội dung, phương thức hoạt động của Mặt trận và các tổ chức chính trị - xã hội": (
        "Renewing the content and methods of operation of the Front and the socio-political "
        "organisations"
    ),
    "Bí thư Đoàn xã": "Secretary of the commune Youth Union",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã": "Commune Hồ Chí Minh Communist Youth Union",
    "Phát huy vai trò của đoàn viên thanh niên trong xây dựng Đảng": (
        "Promoting the role of Youth Union members in Party building"
    ),
    "Chi bộ Trường Trung học cơ sở": "Party cell of the Lower Secondary School",
    "Nâng cao chất lượng sinh hoạt chi bộ theo Hướng dẫn 05-HD/BTCTU": (
        "Improving the quality of Party cell meetings in line with Guidance 05-HD/BTCTU"
    ),
    "Chi bộ Trạm Y tế xã": "Party cell of the commune Health Station",
    "Sinh hoạt chuyên đề gắn với học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh": (
        "Thematic meetings linked with studying and following Hồ Chí Minh's ideology, ethics "
        "and style"
    ),
    "Chi bộ ấp Bình Phú": "Bình Phú hamlet Party cell",
    "Tự củng cố, nâng chất sau đánh giá, xếp loại tập thể, cá nhân hằng năm": (
        "Self-consolidation and improvement after the annual assessment and rating of "
        "collectives and individuals"
    ),
    "Chi bộ Quân sự xã": "Commune Military Party cell",
    "Gắn thực hiện Kết luận với nhiệm vụ quốc phòng, an ninh ở địa phương": (
        "Linking implementation of the Conclusion with local national defence and security tasks"
    ),
    "Cấp ủy các chi bộ ban hành kế hoạch thực hiện kịp thời, đúng định hướng của Đảng ủy xã.": (
        "The Party cell committees issued implementation plans promptly and in line with the "
        "commune Party Committee's direction."
    ),
    "Việc quán triệt được tổ chức ở toàn bộ chi bộ, cơ quan, đơn vị.": (
        "Dissemination was organised in every Party cell, agency and unit."
    ),
    "Người đứng đầu nhiều cơ quan, đơn vị gương mẫu, nói đi đôi với làm.": (
        "The heads of many agencies and units set an example, matching words with deeds."
    ),
    "Sinh hoạt chuyên đề được duy trì đều đặn, nội dung thiết thực hơn.": (
        "Thematic meetings have been held regularly, with more practical content."
    ),
    "Phê bình và tự phê bình trong sinh hoạt chi bộ thẳng thắn hơn trước.": (
        "Criticism and self-criticism in Party cell meetings are more candid than before."
    ),
    "Kiểm tra, giám sát được tăng cường ở cả Đảng ủy và các chi bộ.": (
        "Inspection and supervision have been stepped up in both the Party Committee and the "
        "Party cells."
    ),
    "Kỷ luật, kỷ cương trong thực thi nhiệm vụ có chuyển biến rõ.": (
        "Discipline and order in performing duties have clearly improved."
    ),
    "Mặt trận và các đoàn thể phối hợp tốt trong tuyên truyền, vận động nhân dân.": (
        "The Front and mass organisations coordinated well in communicating with and "
        "mobilising the people."
    ),
    "Một số kế hoạch của chi bộ còn chung chung, chưa sát tình hình ấp.": (
        "Some Party cell plans are still general and do not closely fit the hamlet's situation."
    ),
    "Hình thức tuyên truyền ở vài nơi chưa phong phú.": (
        "In some places, the forms of communication are not yet varied."
    ),
    "Tự phê bình ở một số đảng viên còn né tránh.": (
        "Some Party members still avoid self-criticism."
    ),
    "Việc khắc phục hạn chế sau kiểm điểm có nơi còn chậm.": (
        "In some places, remedying limitations after self-reviews is still slow."
    ),
    "Giám sát thường xuyên của một số chi bộ chưa đều tay.": (
        "Regular supervision by some Party cells is still uneven."
    ),
    "Chất lượng sinh hoạt ở vài chi bộ ấp chưa cao.": (
        "The quality of meetings in some hamlet Party cells is not yet high."
    ),
    "Cụ thể hóa Kết luận thành việc làm hằng tháng của từng chi bộ.": (
        "Translate the Conclusion into monthly actions for each Party cell."
    ),
    "Đa dạng hóa hình thức tuyên truyền, kể cả trên mạng xã hội.": (
        "Diversify forms of communication, including on social media."
    ),
    "Đề cao trách nhiệm nêu gương của người đứng đầu.": (
        "Uphold the responsibility of heads to set an example."
    ),
    "Nâng chất sinh hoạt chi bộ theo Hướng dẫn 05-HD/BTCTU.": (
        "Raise the quality of Party cell meetings in line with Guidance 05-HD/BTCTU."
    ),
    "Tăng cường kiểm tra, giám sát việc khắc phục hạn chế sau kiểm điểm.": (
        "Step up inspection and supervision of the remedying of limitations after self-reviews."
    ),
    "Phát huy vai trò giám sát của Mặt trận, các đoàn thể và nhân dân.": (
        "Promote the supervisory role of the Front, mass organisations and the people."
    ),
    "Huyện ủy mở thêm lớp bồi dưỡng nghiệp vụ cho bí thư chi bộ ấp.": (
        "The District Party Committee should hold more professional training courses for "
        "hamlet Party cell secretaries."
    ),
    "Cấp tài liệu sinh hoạt chuyên đề kịp thời cho các chi bộ.": (
        "Provide thematic meeting materials to Party cells in good time."
    ),
    "Hướng dẫn thống nhất cách đánh giá chất lượng sinh hoạt chi bộ.": (
        "Issue uniform guidance on assessing the quality of Party cell meetings."
    ),
    "Quan tâm chế độ hỗ trợ cho cán bộ không chuyên trách ở ấp.": (
        "Pay due attention to allowances for part-time officials in hamlets."
    ),
    "Biểu dương kịp thời các chi bộ làm tốt để nhân rộng.": (
        "Promptly commend Party cells that perform well so that their practices can be replicated."
    ),
    "Ý kiến tham luận": "Contributions",
    "ý kiến": "contributions",
    "dan-van-kheo": "dan-van-kheo-models",
    (
        "Các mô hình, điển hình “dân vận khéo” do các chi bộ, đoàn thể và người dân xã Long Bình "
        "đăng ký, thực hiện và được công nhận hằng năm."
    ): (
        "“Skilled mass mobilisation” models and exemplary individuals registered, implemented "
        "and recognised every year by the Party cells, mass organisations and people of Long "
        "Bình commune."
    ),
    "Tuyến đường hoa nông thôn mới ở ấp Long Hòa": "New-style rural flower road in Long Hòa hamlet",
    "tuyen-duong-hoa-nong-thon-moi-ap-long-hoa": "long-hoa-hamlet-flower-road",
    "Tuyến đường hoa nông thôn mới": "New-style rural flower road",
    (
        "Từ một con đường cỏ mọc lấn lối đi, chị em phụ nữ ấp Long Hòa vận động từng hộ nhận chăm "
        "sóc đoạn đường trước nhà, biến 2,5 km đường liên ấp thành tuyến đường hoa sáng – xanh – "
        "sạch – đẹp."
    ): (
        "Starting from a road overgrown with weeds, the women of Long Hòa hamlet persuaded "
        "every household to look after the stretch of road in front of its house, turning 2,5 "
        "km of inter-hamlet road into a bright – green – clean – beautiful flower road."
    ),
    "Chi hội Phụ nữ ấp Long Hòa": "Long Hòa hamlet Women's Union branch",
    "Nguyễn Thị Thu Hà": "Nguyễn Thị Thu Hà",
    "Chi hội trưởng Chi hội Phụ nữ ấp Long Hòa": "Head of the Long Hòa hamlet Women's Union branch",
    "Ban Nhân dân ấp Long Hòa, Chi đoàn ấp, Chi hội Nông dân và các hộ dân hai bên tuyến đường.": (
        "The Long Hòa hamlet People's Board, the hamlet Youth Union branch, the Farmers' "
        "Association branch and the households on both sides of the road."
    ),
    "ấp Long Hòa": "Long Hòa hamlet",
    (
        "Tuyến đường liên ấp dài 2,5 km cỏ dại mọc lấn lề, rác thải vứt bừa ven mương, ban đêm "
        "không có đèn. Tiêu chí môi trường là tiêu chí khó nhất của ấp trên đường xây dựng nông "
        "thôn mới nâng cao."
    ): (
        "Weeds encroached on the verges of the 2.5 km inter-hamlet road, rubbish was dumped "
        "carelessly along the ditches, and there were no lights at night. The environmental "
        "criterion was the hamlet's hardest on its way to becoming an advanced new-style rural "
        "area."
    ),
    (
        "Chi hội chia tuyến đường thành từng đoạn, mỗi tổ phụ nữ nhận một đoạn; mỗi hộ nhận phần "
        "đường trước nhà. Hội viên góp cây giống, Chi đoàn góp ngày công đào đất, trồng hoa; cuối "
        "tháng cả ấp cùng ra quân dọn vệ sinh. Ban Nhân dân ấp công khai mọi khoản đóng góp tại "
        "buổi họp dân."
    ): (
        "The branch divided the road into sections, with each women's group taking one section "
        "and each household the stretch in front of its house. Members contributed seedlings, "
        "and the Youth Union branch contributed workdays digging soil and planting flowers; at "
        "the end of each month the whole hamlet turned out to clean up. The hamlet People's "
        "Board made every contribution public at residents' meetings."
    ),
    (
        "Sau một năm, cả tuyến đường có hoa hai bên, 100% hộ dân ký cam kết giữ gìn vệ sinh và "
        "phân loại rác tại nhà."
    ): (
        "After one year, the whole road has flowers on both sides, and 100% of households have "
        "signed a pledge to keep it clean and sort their waste at home."
    ),
    "Kết quả năm 2022": "Results in 2022",
    "Đường hoa được trồng và chăm sóc": "Flower road planted and maintained",
    "km": "km",
    "Cột đèn chiếu sáng được lắp": "Street lamps installed",
    "cột": "lamp posts",
    (
        "Người dân tự giác giữ đường sạch, không còn cảnh vứt rác xuống mương; tình làng nghĩa xóm "
        "gắn bó hơn. Tuyến đường góp phần để ấp đạt tiêu chí môi trường của ấp nông thôn mới kiểu "
        "mẫu."
    ): (
        "Residents keep the road clean of their own accord, and rubbish is no longer thrown "
        "into the ditches; neighbourly bonds have grown closer. The road has helped the hamlet "
        "meet the environmental criterion for a model new-style rural hamlet."
    ),
    "Năm 2023 được nhân rộng ra ấp Long Thạnh và ấp Long Hưng.": (
        "In 2023 the model was replicated in Long Thạnh and Long Hưng hamlets."
    ),
    "Giấy khen của UBND huyện Gò Công Tây": (
        "Certificate of merit from the Gò Công Tây District People's Committee"
    ),
    "Văn hóa – xã hội": "Culture – society",
    "Hộ được hưởng lợi từ mô hình dân vận khéo": (
        "Households benefiting from skilled mass mobilisation models"
    ),
    "hộ": "households",
    "Ngày công lao động đóng góp": "Workdays of labour contributed",
    "ngày công": "workdays",
    "Kinh phí vận động từ mô hình dân vận khéo": (
        "Funds raised through skilled mass mobilisation models"
    ),
    "triệu đồng": "million VND",
    "Văn bản": "Documents",
    "van-ban": "documents",
    (
        "Văn bản của Trung ương, Tỉnh ủy, Huyện ủy và Đảng ủy xã được công bố trên cổng thông tin. "
        "Tìm theo số và ký hiệu (ví dụ 21-KL/TW) hoặc theo nội dung."
    ): (
        "Documents of central Party bodies, the Provincial Party Committee, the District Party "
        "Committee and the commune Party Committee published on the portal. Search by number "
        "and symbol (for example 21-KL/TW) or by content."
    ),
    "Quy định": "Regulation",
    "Về những điều đảng viên không được làm.": "On the things Party members must not do.",
    "Bộ Chính trị": "Politburo",
    (
        "Về tiếp tục thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo "
        "tư tưởng, đạo đức, phong cách Hồ Chí Minh."
    ): (
        "On continuing to implement Directive 05-CT/TW of the Politburo on stepping up the "
        "study and following of Hồ Chí Minh's ideology, ethics and style."
    ),
    "Hướng dẫn": "Guidance",
    "Ban Tổ chức Tỉnh ủy Tiền Giang": (
        "Organisation Commission of the Tiền Giang Provincial Party Committee"
    ),
    "Về nâng cao chất lượng sinh hoạt chi bộ.": "On improving the quality of Party cell meetings.",
    "Chỉ thị": "Directive",
    "Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.": (
        "On stepping up the study and following of Hồ Chí Minh's ideology, ethics and style."
    ),
}
