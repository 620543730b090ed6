/// Text shared by every page: the frame, navigation and error pages.
enum WebText: MessageCatalog {
    enum Key: String, CaseIterable {
        case brand, skipToContent, switchLanguage, navReport, navTicket, navBoard, navShopBoard, navShops, navCampaignDesk, navVaccinationDesk, navVaccination, navConsole, navDashboard, navMonthlyReport, navHome
        case footer, errorTitle, errorCSRF, errorNotFound, errorBadRequest, errorForbidden, errorTooMany, errorTooManyRequests, errorDatabaseUnavailable, errorServer
        case backHome, mapLabel, mapZoomIn, mapZoomOut, mapHint, noScriptMap
    }

    static let table: [Key: (zh: String, en: String)] = [
        .brand: ("绣花 · 城市精细化管理", "Xiuhua · City Management"),
        .skipToContent: ("跳到正文", "Skip to content"),
        .switchLanguage: ("English", "中文"),
        .navReport: ("我要反映", "Report a problem"),
        .navTicket: ("查询进度", "Track a report"),
        .navBoard: ("公示榜", "Public board"),
        .navShopBoard: ("门前五包红黑榜", "Shop red & black lists"),
        .navShops: ("商户管理", "Shops"),
        .navCampaignDesk: ("行动办理", "Campaign desk"),
        .navVaccinationDesk: ("接种工作台", "Vaccination desk"),
        .navVaccination: ("接种日报", "Vaccination report"),
        .navConsole: ("工作台", "Staff console"),
        .navDashboard: ("指挥大屏", "Command centre"),
        .navMonthlyReport: ("考核通报", "Monthly report"),
        .navHome: ("首页", "Home"),
        .footer: ("绣花 Xiuhua — 开源城市管理平台。市民个人信息依法保护，不对外公开。", "Xiuhua — open-source city management. Citizens' personal data is protected and never published."),
        .errorTitle: ("出错了", "Something went wrong"),
        .errorCSRF: ("表单已过期或来源不明。请返回上一页，刷新后重新提交。", "This form has expired or did not come from this site. Go back, reload the page and submit again."),
        .errorNotFound: ("没有找到这个页面或案件。", "No such page or case."),
        .errorBadRequest: ("提交的内容有误：", "The request was not valid: "),
        .errorForbidden: ("您无权执行这个操作。", "You may not do this."),
        .errorTooMany: ("登录失败次数过多，请 {minutes} 分钟后再试。", "Too many failed sign-ins. Try again in {minutes} minutes."),
        .errorTooManyRequests: ("提交过于频繁，请 {seconds} 秒后再试。", "Too many requests from your address. Try again in {seconds} seconds."),
        .errorDatabaseUnavailable: ("系统数据库暂时无法访问，您的操作没有保存。请稍后再试。", "The database cannot be reached just now; nothing was saved. Please try again shortly."),
        .errorServer: ("服务器内部错误，请稍后再试。", "Internal error; please try again later."),
        .backHome: ("返回首页", "Back to the home page"),
        .mapLabel: ("地图：拖动平移，滚轮或按钮缩放", "Map: drag to pan, wheel or buttons to zoom"),
        .mapZoomIn: ("放大", "Zoom in"),
        .mapZoomOut: ("缩小", "Zoom out"),
        .mapHint: ("方向键平移，+/− 缩放", "Arrow keys pan, +/− zoom"),
        .noScriptMap: ("地图需要启用脚本；没有脚本时请填写地址。", "The map needs scripts; without them, type the address."),
    ]
}

/// The citizen's pages: report, ticket, rating.
enum CitizenText: MessageCatalog {
    enum Key: String, CaseIterable {
        case reportTitle, reportIntro, category, categorySearch, categorySearchHint, categoryChoose, description, descriptionHint
        case photo, photoHint, location, locationHint, useGPS, locating, gpsFailed, gpsOutside, mapPicked, address, addressHint
        case name, phone, contactHint, optional, submit, filedTitle, filedIntro, ticketCode, keepCode, followLink
        case ticketTitle, ticketLookup, ticketCodeLabel, ticketLookupButton, ticketNotFound, ticketQueued, status, reportedAt, closedAt, timeline
        case rateTitle, rateIntro, satisfaction, fixedQuestion, fixedYes, fixedNo, comment, rateSubmit, ratedThanks, yourRating
        case errorCategory, errorDescription, errorLocation, errorOutside, errorPhone, errorTooLong, errorFieldTooLong, caseNumber, categoryLabel
        case photosBefore, photosAfter, errorPhotoCount, errorPhotoType, errorPhotoSize, errorPhotoDamaged
    }

    static let table: [Key: (zh: String, en: String)] = [
        .reportTitle: ("反映城市管理问题", "Report a city problem"),
        .reportIntro: ("占道经营、垃圾堆积、井盖缺失、路灯不亮……拍张照片，点一下位置，我们派人处理。不需要注册。", "Street vending, piled-up rubbish, a missing manhole cover, a dark street lamp… take a photo, mark the place, and we send someone. No account needed."),
        .category: ("问题类别", "Kind of problem"),
        .categorySearch: ("搜索类别", "Search kinds"),
        .categorySearchHint: ("输入名称或编码，如“垃圾”或 06010", "Type a name or code, e.g. rubbish or 06010"),
        .categoryChoose: ("请选择", "Choose one"),
        .description: ("问题描述", "What is wrong"),
        .descriptionHint: ("写明问题是什么、在哪里、持续多久，2000 字以内", "Say what the problem is, where, and for how long (up to 2,000 characters)"),
        .photo: ("现场照片", "Photo"),
        .photoHint: ("可选，最多 3 张，每张 {mb} MB 以内（JPEG、PNG、WebP）", "Optional: up to 3 photos, {mb} MB each (JPEG, PNG, WebP)"),
        .location: ("位置", "Location"),
        .locationHint: ("在地图上点一下问题所在位置，或使用手机定位，或在下面填写地址（街道、社区名称）", "Tap the map where the problem is, use your phone's location, or type the address (street or community name) below"),
        .useGPS: ("使用我的位置", "Use my location"),
        .locating: ("正在定位…", "Locating…"),
        .gpsFailed: ("无法获取位置，请在地图上点选或填写地址", "Could not get your position; tap the map or type the address"),
        .gpsOutside: ("该位置不在本辖区内", "That place is outside the district"),
        .mapPicked: ("已选位置：", "Chosen place: "),
        .address: ("地址", "Address"),
        .addressHint: ("如：永泰街道红旗里社区红旗街 12 号", "e.g. 12 Hongqi Street, Hongqili community, Yongtai street"),
        .name: ("您的称呼", "Your name"),
        .phone: ("联系电话", "Phone"),
        .contactHint: ("选填。仅工作人员回访时使用，不会公开。", "Optional. Used only by staff to follow up; never published."),
        .optional: ("选填", "optional"),
        .submit: ("提交反映", "Send report"),
        .filedTitle: ("已收到您的反映", "We have your report"),
        .filedIntro: ("请记下查询码，凭它查看处理进度和评价。", "Keep this ticket code to follow progress and rate the result."),
        .ticketCode: ("查询码", "Ticket code"),
        .keepCode: ("请截图或抄下查询码。", "Take a screenshot or write the code down."),
        .followLink: ("查看处理进度", "Follow progress"),
        .ticketTitle: ("处理进度", "Progress"),
        .ticketLookup: ("查询处理进度", "Track a report"),
        .ticketCodeLabel: ("查询码", "Ticket code"),
        .ticketLookupButton: ("查询", "Look up"),
        .ticketNotFound: ("没有这个查询码，请核对后重试。", "No report has this ticket code; check it and try again."),
        .ticketQueued: ("报告已受理，正在立案，请稍后刷新查看进度。", "Your report was received and is being filed; refresh in a moment to follow it."),
        .status: ("状态", "Status"),
        .reportedAt: ("反映时间", "Reported"),
        .closedAt: ("办结时间", "Resolved"),
        .timeline: ("处理经过", "What has happened"),
        .rateTitle: ("评价处理结果", "Rate the result"),
        .rateIntro: ("问题已办结。您满意吗？如果问题没有解决，选择“没有解决”，案件将重新办理。", "The case is resolved. Are you satisfied? If the problem is not fixed, choose “Not fixed” and it will be handled again."),
        .satisfaction: ("满意程度", "Satisfaction"),
        .fixedQuestion: ("问题解决了吗？", "Is the problem fixed?"),
        .fixedYes: ("已经解决", "Fixed"),
        .fixedNo: ("没有解决（重新办理）", "Not fixed (reopen)"),
        .comment: ("意见建议", "Comment"),
        .rateSubmit: ("提交评价", "Send rating"),
        .ratedThanks: ("感谢您的评价！", "Thank you for your rating!"),
        .yourRating: ("您的评价", "Your rating"),
        .errorCategory: ("请选择问题类别", "Choose the kind of problem"),
        .errorDescription: ("请描述问题", "Describe the problem"),
        .errorLocation: ("请在地图上点选位置、使用定位，或填写包含街道或社区名称的地址", "Mark the place on the map, use your location, or type an address that names the street or community"),
        .errorOutside: ("该位置不在本辖区内，请重新选择", "That place is outside the district; choose again"),
        .errorPhone: ("电话号码格式不对", "That is not a phone number"),
        .errorTooLong: ("问题描述不能超过 2000 字", "The description may not exceed 2,000 characters"),
        .errorFieldTooLong: ("此项不能超过 {limit} 字", "This field may not exceed {limit} characters"),
        .caseNumber: ("案件编号", "Case number"),
        .categoryLabel: ("类别", "Kind"),
        .photosBefore: ("反映时的照片", "Photos of the problem"),
        .photosAfter: ("处置后的照片", "Photos after the fix"),
        .errorPhotoCount: ("最多上传 3 张照片", "Send at most 3 photos"),
        .errorPhotoType: ("照片应为 JPEG、PNG 或 WebP 格式（按文件内容识别，与文件名无关）", "Photos must be JPEG, PNG or WebP images (judged by their content, not their name)"),
        .errorPhotoSize: ("每张照片不能超过 {mb} MB", "Each photo must be at most {mb} MB"),
        .errorPhotoDamaged: ("照片文件不完整或已损坏，请重新拍摄或选择", "The photo file is incomplete or damaged; take or choose it again"),
    ]
}
