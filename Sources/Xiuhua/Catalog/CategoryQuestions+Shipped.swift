extension CategoryQuestions {
    /// The questions Xiuhua ships for common categories; `--catalog-questions FILE`
    /// replaces them (see `CategoryQuestions` for the format).
    public static let shippedText = """
        # 附加问题 (extra questions per category). Format: see CategoryQuestions.
        06010 amount type=singlevaluelist required=yes text="垃圾大约有多少？" values="bag:一袋以内|cart:一三轮车|truck:一卡车以上"
        06010 kinds type=multivaluelist required=no text="有哪些垃圾？（可多选）" values="household:生活垃圾|construction:建筑垃圾|bulky:大件垃圾|hazardous:有害垃圾"
        06011 area type=number required=no text="堆放面积大约多少平方米？" hint="单位：平方米"
        06028 period type=singlevaluelist required=yes text="噪声出现在什么时段？" values="day:白天（6时至22时）|night:夜间（22时至次日6时）"
        06028 source type=string required=no text="噪声来源（如施工工地、商铺音响）"
        01037 lamps type=number required=yes text="不亮的路灯有几盏？" hint="连续 3 盏及以上不亮即可立案"
        01037 pole type=string required=no text="灯杆编号（灯杆上的喷码）"
        08002 permit type=string required=no text="施工围挡上公示的许可证编号" hint="看不到可不填"
        08002 since type=datetime required=no text="大约从什么时候开始占道？" hint="带时区的时间，如 2026-11-29T08:00:00+08:00"
        09001 goods type=singlevaluelist required=no text="经营的是什么？" values="food:食品|fruit:水果蔬菜|goods:日用百货|other:其他"
        09001 notice type=text info text="请勿与经营者发生冲突，保持安全距离拍照即可"
        """

    /// The shipped questions, read once.
    public static let shipped: CategoryQuestions = {
        do {
            return try CategoryQuestions(parsing: shippedText)
        } catch {
            preconditionFailure("shipped category questions do not parse: \(error)")
        }
    }()
}
