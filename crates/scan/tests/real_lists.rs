//! Scanning texts written for these tests (news reports, sanctions press
//! releases, bills of lading, an HTML page, an e-mail) against the real UN
//! 2026 and OFAC 2024 lists; precision and recall printed and asserted.

use interdict_matcher::Matcher;
use interdict_scan::{read_document, render_marked, ScanOptions, ScanReport, Scanner};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

fn lists_dir() -> PathBuf {
    interdict_formats::shared_lists_dir()
}

fn scanner(test: &str) -> Option<&'static Scanner> {
    static S: OnceLock<Option<Scanner>> = OnceLock::new();
    let s = S.get_or_init(|| {
        let dir = lists_dir();
        let un = dir.join("un/un_consolidated_2026-02-27.xml");
        let ofac = dir.join("ofac/sdn_csv_2024-05-03/sdn.csv");
        if !un.exists() || !ofac.exists() {
            return None;
        }
        let mut entities = Vec::new();
        for p in [un, ofac] {
            entities.extend(interdict_formats::parse_path(&p).unwrap().entities);
        }
        Some(Scanner::new(Arc::new(Matcher::new(entities))))
    });
    if s.is_none() {
        eprintln!(
            "SKIP: {test}: shared lists folder not found at {}",
            lists_dir().display()
        );
    }
    s.as_ref()
}

fn scan(s: &Scanner, text: &str) -> ScanReport {
    s.scan_text(text, &ScanOptions::default())
}

const ISSUE: &str = "the North Korean leader Kim Jong-un met Vladimir Putin; Defence Minister \
Sergei Shoigu had visited Pyongyang in July to discuss an arms deal";

#[test]
fn the_issue_example() {
    let Some(s) = scanner("the_issue_example") else {
        return;
    };
    let r = scan(s, ISSUE);
    println!(
        "{}",
        render_marked(&interdict_scan::Document::text(ISSUE), &r)
    );
    let ids = r.entity_ids();
    assert_eq!(
        ids,
        vec!["ofac:20157", "ofac:35096", "ofac:35173"],
        "{r:#?}"
    );
    let kim = &r.mentions[0];
    assert_eq!(kim.text, "Kim Jong-un");
    assert_eq!(&ISSUE[kim.byte_start..kim.byte_end], "Kim Jong-un");
    assert_eq!(kim.start, ISSUE.find("Kim").unwrap());
    assert_eq!(kim.entity.programmes, vec!["DPRK3"]);
    assert!(kim.explanation.sentence.contains("KIM, Jong Un"));
    assert!(r.mentions.iter().all(|m| m.score >= 0.8));
    let kp = r.countries.iter().find(|c| c.code == "KP").expect("KP");
    let texts: Vec<&str> = kp.spans.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, vec!["North Korean", "Pyongyang"]);
    assert!(kp.arms_embargo);
    let un = kp
        .regimes
        .iter()
        .find(|g| g.authority == "UN")
        .expect("UN regime");
    assert!(un.arms_embargo && un.legal_basis.contains("UNSCR 1718 (2006)"));
    assert_eq!(r.arms_terms, vec!["arms"]);
    assert!(kp.note.as_deref().unwrap_or("").contains("1718"));
}

/// A test text and the parties it names: each inner list holds the ids that
/// are all correct for one real party (the same person listed by UN and OFAC).
struct Case {
    name: &'static str,
    hint: Option<&'static str>,
    text: &'static str,
    expect: &'static [&'static [&'static str]],
}

const CASES: &[Case] = &[
    Case {
        name: "news: DPRK leadership",
        hint: None,
        text: "SEOUL (Reuters) - North Korea's leader Kim Jong Un inspected a missile launch on Tuesday, \
state media said, accompanied by his sister Kim Yo Jong. Analysts in Seoul said Kim was signalling resolve.\n\
The Reconnaissance General Bureau, Pyongyang's main intelligence agency, has been linked to cyber thefts. \
Kim Yo Jong's statement called the drills a provocation. Korea Kwangson Banking Corporation and the Foreign \
Trade Bank of the Democratic People's Republic of Korea were named in a UN panel report.",
        expect: &[
            &["ofac:20157"],
            &["ofac:21444"],
            &["un:KPe.031", "ofac:12210"],
            &["ofac:11581", "un:KPe.025"],
            &["ofac:15603", "un:KPe.047"],
        ],
    },
    Case {
        name: "news: Kremlin meeting",
        hint: None,
        text: "MOSCOW, March 3 — Russian President Vladimir Putin met Defence Minister Sergei Shoigu and \
Foreign Minister Sergei Lavrov at the Kremlin on Monday. Putin praised the army, while Lavrov said talks \
with Pyongyang on artillery shells were \"productive\". Separately, Yevgeny Prigozhin criticised the ministry. \
Igor Sechin attended the meeting; Sechin declined to comment. Billionaires Arkady Rotenberg and Alisher \
Usmanov were not present.",
        expect: &[
            &["ofac:35096"],
            &["ofac:35173"],
            &["ofac:35233"],
            &["ofac:21171"],
            &["ofac:16692"],
            &["ofac:16669"],
            &["ofac:35283"],
        ],
    },
    Case {
        name: "press release: KOMID network",
        hint: None,
        text: "PRESS RELEASE — Treasury Sanctions DPRK Procurement Network\nWASHINGTON — Today the \
Department of the Treasury's Office of Foreign Assets Control designated individuals acting for the Korea \
Mining Development Trading Corporation (KOMID), the DPRK's primary arms dealer. KOMID representatives Kim Kyu \
and Ryu Jin arranged shipments of ballistic missile components to Syria. Tanchon Commercial Bank handled the \
payments, and Green Pine Associated Corporation supplied the weapons. The Ocean Maritime Management Company \
operated vessels on the network's behalf.",
        expect: &[
            &["un:KPe.001", "ofac:9345"],
            &["un:KPi.022", "ofac:17624"],
            &["un:KPi.027", "ofac:17616"],
            &["un:KPe.003", "ofac:9346"],
            &["un:KPe.010", "ofac:12212"],
            &["ofac:17068", "un:KPe.020"],
        ],
    },
    Case {
        name: "bill of lading",
        hint: None,
        text: "BILL OF LADING No. NMP-2291\nSHIPPER: KOREA RYONBONG GENERAL CORPORATION, PYONGYANG, DPRK\n\
CONSIGNEE: TO ORDER OF DAEDONG CREDIT BANK\nNOTIFY PARTY: HONG KONG ELECTRONICS\n\
VESSEL: CHON MA SAN   VOYAGE: 117W\nPORT OF LOADING: NAMPO   PORT OF DISCHARGE: DOVER\n\
DESCRIPTION OF GOODS: 2 X 40FT CONTAINERS MACHINE PARTS, GROSS WEIGHT 38,400 KG\n\
FREIGHT PREPAID. SHIPPED ON BOARD IN APPARENT GOOD ORDER.",
        expect: &[
            &["un:KPe.002", "ofac:9347"],
            &["ofac:16085", "un:KPe.023"],
            &["un:KPe.005", "ofac:11533"],
            &["ofac:23729"],
        ],
    },
    Case {
        name: "shipping report: tankers and cargo ships",
        hint: None,
        text: "Satellite images show the tanker SCF Primorye and the crude carrier NS Champion loading at \
Kozmino. The North Korean cargo ship Chong Chon Gang, seized in Panama in 2013, and the bulk carrier \
Hyok Sin 2 were seen at Nampo. Iranian tanker Artavil changed its flag twice. Islamic Republic of Iran \
Shipping Lines denied any involvement.",
        expect: &[
            &["ofac:45555"],
            &["ofac:46610"],
            &["ofac:17069"],
            &["ofac:17088"],
            &["ofac:15036"],
            &["ofac:25396"],
        ],
    },
    Case {
        name: "scripts: Cyrillic and Hangul in English text",
        hint: None,
        text: "The Russian readout named Сергей Шойгу (Sergey Shoygu) and Владимир Путин; Korean media wrote \
김정은. Later Mr. Shoygu's office confirmed the visit.",
        expect: &[&["ofac:35173"], &["ofac:35096"], &["ofac:20157"]],
    },
    Case {
        name: "HTML page",
        hint: Some("text/html"),
        text: "<!DOCTYPE html><html><head><title>Sanctions update</title><script>var q='Kim Jong Un';</script>\
</head><body><nav><a href='/'>Home</a> <a href='/p'>Profile: Igor Sechin</a></nav>\
<article><h1>Tanchon Commercial Bank named in report</h1><p>The bank worked with Mahan Air and \
<b>Ryu</b> <b>Jin</b>, investigators said.</p></article><footer>Contact Sergei Lavrov desk</footer></body></html>",
        expect: &[&["un:KPe.003", "ofac:9346"], &["ofac:12927"], &["un:KPi.027", "ofac:17616"]],
    },
    Case {
        name: "e-mail: payment message",
        hint: None,
        text: "From: Trade Desk <desk@example.com>\nTo: compliance@example.org\nSubject: Payment hold - \
Korea Kwangson Banking Corp\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\
Content-Transfer-Encoding: quoted-printable\n\nPlease hold the USD 250,000 transfer; the beneficiary bank =\n\
is Daedong Credit Bank and the ordering party is Green Pine Associated Corporation.\n",
        expect: &[
            &["ofac:11581", "un:KPe.025"],
            &["ofac:16085", "un:KPe.023"],
            &["un:KPe.010", "ofac:12212"],
        ],
    },
    Case {
        // written after the guards were tuned; its first run found one wrong
        // party (the tanker "Sea Star" as SEA STAR III), fixed by the hull-number rule
        name: "news: Belarus, Iran, DPRK ships (late text)",
        hint: None,
        text: "BRUSSELS — EU ministers discussed new measures against Belarus on Friday. Alexander \
Lukashenko's government in Minsk denied supplying drones to Russia. Oleg Deripaska, the aluminium magnate, \
and Roman Abramovich attended a forum in Istanbul, where Dmitry Medvedev gave a speech. Yuri Kovalchuk, \
often called Putin's banker, did not attend.\nIn Tehran, officials of the Islamic Revolutionary Guard Corps \
met representatives of Mahan Air. The Atomic Energy Organisation of Iran said Bank Sepah would finance the \
project. John Bolton and Mike Pompeo criticised the deal. Maria Zakharova, the Foreign Ministry \
spokeswoman, called it \"lawful\".\nThe general cargo vessel Ji Song 6 was spotted off Nampo; the tanker \
Sea Star and the bulk carrier Golden Lion were also tracked. Ri Pyong Chol, a senior munitions official, \
attended the launch with Kim Jong Un.",
        expect: &[
            &["ofac:9760"],
            &["ofac:24283"],
            &["ofac:36407"],
            &["ofac:16680"],
            &["ofac:10391"],
            &["ofac:12927"],
            &["ofac:25627", "un:IRe.006"],
            &["ofac:25580", "un:IRe.007"],
            &["ofac:37509"],
            &["ofac:23738"],
            &["un:KPi.076", "ofac:23215"],
            &["ofac:20157"],
        ],
    },
    Case {
        name: "ordinary names and words that must not fire",
        hint: None,
        text: "The new star of the Academy Awards, Jordan Peterson and Michael Jordan walked through the \
forest near Dover on a graceful afternoon. Kim said the deep sea dream was over. Mr. Park and Ms. Lee met at \
the Bank of England; Chad Smith played drums. The committee for space technology education met in Devon. \
Kim Kardashian posted a photo. Sergei, a waiter in Paris, served the general manager of the Grand Hotel. \
John Smith of Acme Trading Corporation signed the contract. Forest rangers and Diamond miners met Devon \
Walker. The argument was about the ministry of defence budget. Putin-style politics, said Dr. Lavrova.",
        expect: &[],
    },
    Case {
        name: "ordinary business news",
        hint: None,
        text: "Samsung Electronics reported record profits on Thursday, while Hyundai Motor said exports to \
Europe rose. Kim Min-jae, a spokesman, said the company would invest in Busan. Park Ji-sung opened a football \
academy. The Bank of Korea kept rates unchanged. Lee Jae-yong met Apple's Tim Cook in Seoul. Vladimir \
Nabokov's novels were discussed at a book fair, and Sergei Rachmaninoff's concerto closed the evening.",
        expect: &[],
    },
];

#[test]
fn precision_and_recall_on_written_texts() {
    let Some(s) = scanner("precision_and_recall_on_written_texts") else {
        return;
    };
    let opts = ScanOptions::default();
    let (mut tp_found, mut found, mut groups, mut groups_hit) = (0usize, 0usize, 0usize, 0usize);
    let mut report = String::new();
    for case in CASES {
        let doc = read_document(case.text.as_bytes(), case.hint).unwrap();
        let r = s.scan(&doc, &opts);
        let ids = r.entity_ids();
        let mut wrong = Vec::new();
        for id in &ids {
            found += 1;
            if case.expect.iter().any(|g| g.contains(id)) {
                tp_found += 1;
            } else {
                wrong.push(*id);
            }
        }
        let mut missed = Vec::new();
        for g in case.expect {
            groups += 1;
            if g.iter().any(|id| ids.contains(id)) {
                groups_hit += 1;
            } else {
                missed.push(g[0]);
            }
        }
        report.push_str(&format!(
            "{:<45} found {:>2}, wrong {:?}, missed {:?}\n",
            case.name,
            ids.len(),
            wrong,
            missed
        ));
        if !wrong.is_empty() || !missed.is_empty() {
            report.push_str(&format!(
                "    {}\n",
                render_marked(&doc, &r).replace('\n', "\n    ")
            ));
        }
    }
    let precision = tp_found as f64 / found.max(1) as f64;
    let recall = groups_hit as f64 / groups.max(1) as f64;
    println!("{report}");
    println!(
        "scan quality on {} written texts: precision {:.3} ({tp_found}/{found} entities found), \
recall {:.3} ({groups_hit}/{groups} parties)",
        CASES.len(),
        precision,
        recall
    );
    assert!(precision >= 0.9, "precision {precision:.3}\n{report}");
    assert!(recall >= 0.9, "recall {recall:.3}\n{report}");
}

#[test]
fn surname_alone_needs_the_full_name_first() {
    let Some(s) = scanner("surname_alone_needs_the_full_name_first") else {
        return;
    };
    let before = scan(
        s,
        "Shoigu spoke first. Later, Sergei Shoigu left; Shoigu's aides stayed.",
    );
    let texts: Vec<(&str, &str)> = before
        .mentions
        .iter()
        .map(|m| (m.text.as_str(), m.entity.id.as_str()))
        .collect();
    assert_eq!(
        texts,
        vec![("Sergei Shoigu", "ofac:35173"), ("Shoigu", "ofac:35173")],
        "{before:#?}"
    );
    assert_eq!(before.mentions[1].antecedent, Some(0));
    let kim = scan(s, "Kim visited the factory. Kim Jong Il had built it.");
    assert!(kim.mentions.iter().all(|m| m.text != "Kim"), "{kim:#?}");
}

#[test]
fn offsets_are_characters_of_the_original_text() {
    let Some(s) = scanner("offsets_are_characters_of_the_original_text") else {
        return;
    };
    let text = "«Сводка» — Сергей Шойгу… and then Vladimir Putin’s aide";
    let r = scan(s, text);
    let putin = r
        .mentions
        .iter()
        .find(|m| m.entity.id == "ofac:35096")
        .expect("Putin");
    let chars: Vec<char> = text.chars().collect();
    let by_chars: String = chars[putin.start..putin.end].iter().collect();
    assert_eq!(by_chars, "Vladimir Putin");
    assert_eq!(&text[putin.byte_start..putin.byte_end], "Vladimir Putin");
    assert_eq!(putin.source_start, Some(putin.byte_start));
    let shoigu = r.mentions.iter().find(|m| m.entity.id == "ofac:35173");
    assert!(
        shoigu.is_some_and(|m| m.text == "Сергей Шойгу" && m.start == 11 && m.end == 23),
        "{r:#?}"
    );
}

#[test]
fn html_offsets_lead_back_to_the_page() {
    let Some(s) = scanner("html_offsets_lead_back_to_the_page") else {
        return;
    };
    let page = "<html><body><p>Talks with <i>Sergei&nbsp;Shoigu</i> in Minsk.</p></body></html>";
    let doc = read_document(page.as_bytes(), Some("page.html")).unwrap();
    let r = s.scan(&doc, &ScanOptions::default());
    let m = r.mentions.first().expect("a mention");
    assert_eq!(m.text, "Sergei Shoigu");
    let (a, b) = (m.source_start.unwrap(), m.source_end.unwrap());
    assert_eq!(&page[a..b], "Sergei&nbsp;Shoigu");
    assert_eq!(r.countries.first().map(|c| c.code.as_str()), Some("BY"));
}

#[test]
fn five_megabytes_and_bad_input_get_clear_answers() {
    let Some(s) = scanner("five_megabytes_and_bad_input_get_clear_answers") else {
        return;
    };
    let para =
        "Officials in Brussels discussed tariffs, energy prices and the harvest for an hour. \
The minister said the trading company would report again next week. ";
    let mut text = String::with_capacity(5_300_000);
    let mut n = 0;
    while text.len() < 5_000_000 {
        text.push_str(para);
        n += 1;
        if n % 2000 == 0 {
            text.push_str("Sergei Shoigu met Kim Jong Un in Pyongyang. ");
        }
    }
    let t = std::time::Instant::now();
    let doc = read_document(text.as_bytes(), None).unwrap();
    let r = s.try_scan(&doc, &ScanOptions::default()).unwrap();
    let secs = t.elapsed().as_secs_f64();
    println!(
        "5 MB text: {} mentions in {:.2} s ({:.1} MB/s, test profile)",
        r.mentions.len(),
        secs,
        text.len() as f64 / 1e6 / secs
    );
    let shoigu = r
        .mentions
        .iter()
        .filter(|m| m.entity.id == "ofac:35173")
        .count();
    assert_eq!(shoigu, n / 2000, "every inserted name is found");
    assert_eq!(r.countries.first().map(|c| c.code.as_str()), Some("KP"));
    // a limit gives a typed error, not a crash
    let small = ScanOptions {
        max_bytes: 1_000_000,
        ..ScanOptions::default()
    };
    let err = s.try_scan(&doc, &small).unwrap_err();
    assert!(err.to_string().contains("more than the limit"), "{err}");
    // binary input
    let mut elf = b"\x7fELF\x02\x01\x01".to_vec();
    elf.extend((0..100_000u32).map(|i| (i % 251) as u8));
    let err = read_document(&elf, None).unwrap_err();
    assert!(err.to_string().contains("binary"), "{err}");
    // badly encoded: Latin-1 bytes in a UTF-8 world, and broken UTF-8 in a name
    let latin1 = b"Der Minister Sergej Schoigu traf Herrn M\xfcller in Minsk \xe0 midi.";
    let doc = read_document(latin1, None).unwrap();
    assert!(doc.warnings.iter().any(|w| w.contains("not valid UTF-8")));
    let r = s.scan(&doc, &ScanOptions::default());
    assert!(r.warnings.iter().any(|w| w.contains("windows-1252")));
    assert_eq!(r.countries.first().map(|c| c.code.as_str()), Some("BY"));
    let broken = b"Vladimir Pu\xfftin and Sergei Shoigu\xc3 met.";
    let r = s.scan(
        &read_document(broken, None).unwrap(),
        &ScanOptions::default(),
    );
    assert!(r.entity_ids().contains(&"ofac:35173"), "{r:#?}");
}
