//! A Chinese company name read the way the lists write it: its trade words
//! in English, its place and brand in pinyin (`丹东鸿祥实业发展有限公司` →
//! `dandong hongxiang industrial development co ltd`, OFAC's `DANDONG
//! HONGXIANG INDUSTRIAL DEVELOPMENT CO LTD`; `朝鲜矿业开发贸易公司` → `korea
//! mining development trading company`, KOMID).
//!
//! The per-character pinyin reading (`dan dong hong xiang shi ye fa zhan`)
//! meets the place and the brand, written as one word each, only as joined
//! pairs, and never meets `INDUSTRIAL DEVELOPMENT`. Registers, invoices and
//! the Chinese press write the name in characters; the lists write it
//! half translated.
//!
//! The words are the usual English renderings of the trade words in the
//! names of Chinese companies on the OFAC, UN and EU lists and in their own
//! English names (the Simplified and Traditional characters of each), and
//! the pinyin of the places those names open with (the provinces and
//! cities of the PRC's administrative division list, and the countries
//! most named beside them).

/// A trade word in characters and how the lists write it in English (the
/// reading takes the longest match at each character).
const TRADE: &[(&str, &str)] = &[
    // legal forms (removed afterwards as legal forms are)
    ("有限责任公司", "limited liability company"),
    ("有限責任公司", "limited liability company"),
    ("股份有限公司", "co ltd"),
    ("有限公司", "co ltd"),
    ("总公司", "general corporation"),
    ("總公司", "general corporation"),
    ("公司", "company"),
    ("集团", "group"),
    ("集團", "group"),
    ("控股", "holdings"),
    // trades
    ("进出口", "import export"),
    ("進出口", "import export"),
    ("国际", "international"),
    ("國際", "international"),
    ("贸易", "trading"),
    ("貿易", "trading"),
    ("商贸", "trading"),
    ("商貿", "trading"),
    ("经贸", "economic trade"),
    ("經貿", "economic trade"),
    ("商行", "trading"),
    ("实业", "industrial"),
    ("實業", "industrial"),
    ("工业", "industrial"),
    ("工業", "industrial"),
    ("发展", "development"),
    ("發展", "development"),
    ("开发", "development"),
    ("開發", "development"),
    ("科技", "technology"),
    ("技术", "technology"),
    ("技術", "technology"),
    ("电子", "electronics"),
    ("電子", "electronics"),
    ("机械", "machinery"),
    ("機械", "machinery"),
    ("设备", "equipment"),
    ("設備", "equipment"),
    ("能源", "energy"),
    ("石油", "petroleum"),
    ("石化", "petrochemical"),
    ("化工", "chemical"),
    ("矿业", "mining"),
    ("礦業", "mining"),
    ("矿产", "minerals"),
    ("礦產", "minerals"),
    ("金属", "metal"),
    ("金屬", "metal"),
    ("材料", "material"),
    ("钢铁", "steel"),
    ("鋼鐵", "steel"),
    ("航运", "shipping"),
    ("航運", "shipping"),
    ("海运", "shipping"),
    ("海運", "shipping"),
    ("船务", "shipping"),
    ("船務", "shipping"),
    ("船舶", "ship"),
    ("物流", "logistics"),
    ("运输", "transport"),
    ("運輸", "transport"),
    ("投资", "investment"),
    ("投資", "investment"),
    ("金融", "financial"),
    ("银行", "bank"),
    ("銀行", "bank"),
    ("保险", "insurance"),
    ("保險", "insurance"),
    ("建设", "construction"),
    ("建設", "construction"),
    ("建筑", "construction"),
    ("建築", "construction"),
    ("工程", "engineering"),
    ("电力", "power"),
    ("電力", "power"),
    ("通信", "communications"),
    ("网络", "network"),
    ("網絡", "network"),
    ("软件", "software"),
    ("軟件", "software"),
    ("信息", "information"),
    ("资讯", "information"),
    ("資訊", "information"),
    ("航空", "aviation"),
    ("航天", "aerospace"),
    ("光电", "optoelectronic"),
    ("光電", "optoelectronic"),
    ("精密", "precision"),
    ("仪器", "instrument"),
    ("儀器", "instrument"),
    ("制造", "manufacturing"),
    ("製造", "manufacturing"),
    ("汽车", "automobile"),
    ("汽車", "automobile"),
    ("食品", "food"),
    ("医药", "pharmaceutical"),
    ("醫藥", "pharmaceutical"),
    ("农业", "agricultural"),
    ("農業", "agricultural"),
    ("商务", "business"),
    ("商務", "business"),
    ("服务", "services"),
    ("服務", "services"),
    ("咨询", "consulting"),
    ("諮詢", "consulting"),
    ("管理", "management"),
    ("代理", "agency"),
    ("研究所", "research institute"),
    ("研究院", "research institute"),
    ("大学", "university"),
    ("大學", "university"),
    ("委员会", "committee"),
    ("委員會", "committee"),
    ("协会", "association"),
    ("協會", "association"),
    ("中心", "center"),
    ("联合", "united"),
    ("聯合", "united"),
    ("环球", "global"),
    ("環球", "global"),
    ("全球", "global"),
    ("世界", "world"),
    ("远东", "far east"),
    ("遠東", "far east"),
    ("东方", "oriental"),
    ("東方", "oriental"),
    ("通讯", "communications"),
    ("通訊", "communications"),
    ("电信", "telecommunications"),
    ("電信", "telecommunications"),
    ("合作", "cooperation"),
    ("数码", "digital"),
    ("數碼", "digital"),
    ("数字", "digital"),
    ("數字", "digital"),
    ("半导体", "semiconductor"),
    ("半導體", "semiconductor"),
    ("微电子", "microelectronics"),
    ("微電子", "microelectronics"),
    ("集成电路", "integrated circuit"),
    ("集成電路", "integrated circuit"),
    ("智能", "intelligent"),
    ("系统", "systems"),
    ("系統", "systems"),
    ("新能源", "new energy"),
    ("燃料", "fuel"),
    ("海事", "maritime"),
    ("港口", "port"),
    ("化学", "chemical"),
    ("化學", "chemical"),
    ("橡胶", "rubber"),
    ("橡膠", "rubber"),
    ("塑料", "plastics"),
    ("纺织", "textile"),
    ("紡織", "textile"),
    ("煤炭", "coal"),
    ("稀土", "rare earth"),
    ("有色金属", "nonferrous metals"),
    ("有色金屬", "nonferrous metals"),
    ("机电", "mechanical electrical"),
    ("機電", "mechanical electrical"),
    ("机床", "machine tool"),
    ("機床", "machine tool"),
    ("军工", "military industry"),
    ("軍工", "military industry"),
    ("兵器", "ordnance"),
    ("导弹", "missile"),
    ("導彈", "missile"),
    ("无人机", "uav"),
    ("無人機", "uav"),
    ("航空航天", "aerospace"),
];

/// A country or place in characters and how the lists write it.
const PLACES: &[(&str, &str)] = &[
    // countries
    ("中国", "china"),
    ("中國", "china"),
    ("朝鲜", "korea"),
    ("朝鮮", "korea"),
    ("韩国", "korea"),
    ("韓國", "korea"),
    ("香港", "hong kong"),
    ("澳门", "macau"),
    ("澳門", "macau"),
    ("台湾", "taiwan"),
    ("台灣", "taiwan"),
    ("臺灣", "taiwan"),
    ("俄罗斯", "russia"),
    ("俄羅斯", "russia"),
    ("伊朗", "iran"),
    ("叙利亚", "syria"),
    ("敘利亞", "syria"),
    ("新加坡", "singapore"),
    ("马来西亚", "malaysia"),
    ("馬來西亞", "malaysia"),
    ("缅甸", "burma"),
    ("緬甸", "burma"),
    ("蒙古", "mongolia"),
    ("迪拜", "dubai"),
    ("平壤", "pyongyang"),
    // provinces and cities (pinyin, one word)
    ("北京", "beijing"),
    ("上海", "shanghai"),
    ("天津", "tianjin"),
    ("重庆", "chongqing"),
    ("重慶", "chongqing"),
    ("大连", "dalian"),
    ("大連", "dalian"),
    ("丹东", "dandong"),
    ("丹東", "dandong"),
    ("沈阳", "shenyang"),
    ("瀋陽", "shenyang"),
    ("青岛", "qingdao"),
    ("青島", "qingdao"),
    ("深圳", "shenzhen"),
    ("广州", "guangzhou"),
    ("廣州", "guangzhou"),
    ("厦门", "xiamen"),
    ("廈門", "xiamen"),
    ("宁波", "ningbo"),
    ("寧波", "ningbo"),
    ("珲春", "hunchun"),
    ("琿春", "hunchun"),
    ("延吉", "yanji"),
    ("辽宁", "liaoning"),
    ("遼寧", "liaoning"),
    ("吉林", "jilin"),
    ("黑龙江", "heilongjiang"),
    ("黑龍江", "heilongjiang"),
    ("山东", "shandong"),
    ("山東", "shandong"),
    ("江苏", "jiangsu"),
    ("江蘇", "jiangsu"),
    ("浙江", "zhejiang"),
    ("广东", "guangdong"),
    ("廣東", "guangdong"),
    ("福建", "fujian"),
    ("河北", "hebei"),
    ("河南", "henan"),
    ("湖北", "hubei"),
    ("湖南", "hunan"),
    ("山西", "shanxi"),
    ("陕西", "shaanxi"),
    ("陝西", "shaanxi"),
    ("安徽", "anhui"),
    ("江西", "jiangxi"),
    ("四川", "sichuan"),
    ("云南", "yunnan"),
    ("雲南", "yunnan"),
    ("贵州", "guizhou"),
    ("貴州", "guizhou"),
    ("广西", "guangxi"),
    ("廣西", "guangxi"),
    ("海南", "hainan"),
    ("甘肃", "gansu"),
    ("甘肅", "gansu"),
    ("青海", "qinghai"),
    ("宁夏", "ningxia"),
    ("寧夏", "ningxia"),
    ("新疆", "xinjiang"),
    ("内蒙古", "inner mongolia"),
    ("內蒙古", "inner mongolia"),
    ("哈尔滨", "harbin"),
    ("哈爾濱", "harbin"),
    ("长春", "changchun"),
    ("長春", "changchun"),
    ("长沙", "changsha"),
    ("長沙", "changsha"),
    ("武汉", "wuhan"),
    ("武漢", "wuhan"),
    ("南京", "nanjing"),
    ("杭州", "hangzhou"),
    ("苏州", "suzhou"),
    ("蘇州", "suzhou"),
    ("成都", "chengdu"),
    ("西安", "xian"),
    ("郑州", "zhengzhou"),
    ("鄭州", "zhengzhou"),
    ("石家庄", "shijiazhuang"),
    ("石家莊", "shijiazhuang"),
    ("烟台", "yantai"),
    ("煙台", "yantai"),
    ("威海", "weihai"),
    ("唐山", "tangshan"),
    ("温州", "wenzhou"),
    ("溫州", "wenzhou"),
    ("义乌", "yiwu"),
    ("義烏", "yiwu"),
    ("东莞", "dongguan"),
    ("東莞", "dongguan"),
    ("佛山", "foshan"),
    ("珠海", "zhuhai"),
    ("福州", "fuzhou"),
    ("昆明", "kunming"),
    ("乌鲁木齐", "urumqi"),
    ("烏魯木齊", "urumqi"),
];

/// What follows a place's name to say what kind of place it is (city,
/// province, district, county): dropped, as the lists drop it
/// (`深圳市华为`: `shenzhen huawei`, not `shenzhen shihuawei`).
const PLACE_SUFFIXES: &[char] = &['市', '省', '区', '區', '县', '縣'];

/// Whether a character is a CJK ideograph.
fn is_han(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF)
}

/// The name with its Chinese trade words in English and the rest of its
/// characters in pinyin, a run of characters between two terms written as
/// one word (a brand: `鸿祥` `hongxiang`), or as words of two characters
/// when four or more (a place and a brand: `dandong hongxiang`); other
/// text as it is. `None` when no trade word is met.
pub(crate) fn english_reading(name: &str) -> Option<String> {
    if !name.chars().any(is_han) {
        return None;
    }
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() * 2);
    let mut run: Vec<char> = Vec::new();
    let mut trade = false;
    let mut i = 0;
    while i < chars.len() {
        let Some(&c) = chars.get(i) else { break };
        if !is_han(c) {
            flush(&mut run, &mut out);
            out.push(c);
            i += 1;
            continue;
        }
        // the longest term the characters from here start with (a trade
        // word before a place of the same length)
        let rest = chars.get(i..).unwrap_or(&[]);
        let term = TRADE
            .iter()
            .map(|t| (t, true))
            .chain(PLACES.iter().map(|t| (t, false)))
            .filter_map(|(&(t, english), is_trade)| {
                let len = t.chars().count();
                (rest.len() >= len && t.chars().zip(rest).all(|(a, &b)| a == b))
                    .then_some((len, english, is_trade))
            })
            .max_by_key(|&(len, _, is_trade)| (len, is_trade));
        match term {
            Some((len, english, is_trade)) => {
                flush(&mut run, &mut out);
                out.push(' ');
                out.push_str(english);
                out.push(' ');
                // a name whose only terms are places (`王大连`) is a
                // person's or a brand's: no reading of its own
                trade |= is_trade;
                i += len;
                if !is_trade && chars.get(i).is_some_and(|c| PLACE_SUFFIXES.contains(c)) {
                    i += 1;
                }
            }
            None => {
                run.push(c);
                i += 1;
            }
        }
    }
    flush(&mut run, &mut out);
    trade.then(|| out.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Writes a run of characters that are no term in pinyin (see
/// [`english_reading`]) and empties it.
fn flush(run: &mut Vec<char>, out: &mut String) {
    if run.is_empty() {
        return;
    }
    out.push(' ');
    let n = run.len();
    for (k, c) in run.iter().enumerate() {
        // words of two characters from four on, the last taking what is left
        if n >= 4 && k >= 2 && k % 2 == 0 && n - k >= 2 {
            out.push(' ');
        }
        for b in any_ascii::any_ascii_char(*c).chars() {
            if b.is_ascii_alphanumeric() {
                out.push(b.to_ascii_lowercase());
            }
        }
    }
    out.push(' ');
    run.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trade_words_in_english_places_and_brands_in_pinyin() {
        assert_eq!(
            english_reading("丹东鸿祥实业发展有限公司").as_deref(),
            Some("dandong hongxiang industrial development co ltd")
        );
        assert_eq!(
            english_reading("朝鲜矿业开发贸易公司").as_deref(),
            Some("korea mining development trading company")
        );
        // Traditional characters
        assert_eq!(
            english_reading("香港環球貿易有限公司").as_deref(),
            Some("hong kong global trading co ltd")
        );
        // a place's kind after its name is dropped
        assert_eq!(
            english_reading("深圳市华为技术有限公司").as_deref(),
            Some("shenzhen huawei technology co ltd")
        );
        // an unknown place before the brand: two words of two
        assert_eq!(
            english_reading("南通鸿祥贸易公司").as_deref(),
            Some("nantong hongxiang trading company")
        );
    }

    #[test]
    fn names_without_trade_words_get_no_reading() {
        assert_eq!(english_reading("李方伟"), None);
        assert_eq!(english_reading("王大连"), None);
        assert_eq!(english_reading("Kim Jong Un"), None);
        assert_eq!(english_reading(""), None);
    }
}
