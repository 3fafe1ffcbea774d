"""Japanese phrasings that say whose a child's name is, and words that look like names but are not.

The first Japanese patterns (a relation word, an honorific, a wish) are in lexicon.py; this module
holds the phrasings added since, read by analyzers/names_ja.py.
"""

from __future__ import annotations

import re

KANA_NAME = r"(?:[ぁ-ゖ]{2,5}|[ァ-ヺー]{2,6})"
KANJI_NAME = r"[一-龯々]{1,3}"
#: Family words whose child "X" is another family's: "友達の息子の", "いとこの娘の", "姉の長男の".
_KIN_OF_OTHERS = (
    r"(?:お友達|友達|友だち|ともだち|ママ友|パパ友|友人|同僚|先輩|後輩|いとこ|親戚|近所|お隣|となり|"
    r"親友|幼なじみ|幼馴染|同級生|知人|知り合い|義姉|義兄|義妹|義弟|姉|兄|妹|弟)"
)
_CHILD_WORDS = (
    r"(?:息子|娘|長男|長女|次男|次女|三男|三女|子ども|子供|子|赤ちゃん|お子さん)(?:さん|ちゃん|くん)?"
)

#: Words before a name that make it another family's child, read over a longer stretch than
#: lexicon.JA_OTHER_BEFORE: someone else's child by a polite word ("お子さんの", "娘さんの"),
#: a friend's or relative's son or daughter ("友達の息子の"), a household named by its grown-up
#: ("ゆかさんちの", "田中さんの"), a shared place ("同じマンションの", "同じ保育園の"), or friends
#: listed after a comma ("お友達、").
JA_OTHER_BEFORE_LONG = re.compile(
    r"(?:(?:お子さん|お子様|娘さん|息子さん|お嬢さん|お嬢ちゃん|坊ちゃん|お孫さん)の"
    rf"|{_KIN_OF_OTHERS}の(?:ところ|とこ)の"
    rf"|{_KIN_OF_OTHERS}の{_CHILD_WORDS}(?:の|[、,]\s*)"
    # "ちかさんの息子の", "山田さんちの娘さんの": a household's child, the household named by its grown-up
    rf"|(?:さん|さんち|さんとこ)の{_CHILD_WORDS}(?:の|[、,]\s*)"
    # "隣のおうちの", "近所のお家の": a neighbour's household
    r"|(?:隣|お隣|となり|近所|向かい|お向かい|裏)の(?:おうち|お家|家)の"
    # "同じクラスに", "同じ園で": a child met in a shared class, named after it
    r"|同じ[^\s、。！!？?の]{1,6}(?:に|にいる|にいた)"
    # "お友達のみんな(": friends listed in brackets
    r"|(?:お友達|友達|友だち|ともだち)の?みんな[（(:：]\s*"
    # "息子の親友・", "近所に住む", "姪っ子ちゃん（": a friend or a relative named right after
    r"|(?:お友達|友達|友だち|ともだち|親友|幼なじみ|幼馴染|同級生|クラスメイト|いとこ|姪っ子|甥っ子|仲間)(?:ちゃん|くん)?[・（(]"
    r"|(?:近所|隣|近く|同じマンション|同じ団地)に住む"
    # "同じクラスの親友ゆきのちゃん": a friend word glued to the name
    r"|(?:親友|幼なじみ|幼馴染|同級生|クラスメイト|クラスメート)"
    r"|(?:さん|ちゃん|くん)ちの"
    # "田中さんの", "お隣さんの"; a school year or a family member with さん is no household
    r"|(?<![一-龯ァ-ヺ])(?:(?!年長|年中|年少|年生|兄|姉|妹|弟|母|父|祖母|祖父|義母|義父)[一-龯ァ-ヺ]){1,4}さんの"
    r"|(?:クラスメイト|クラスメート|親友|幼なじみ|幼馴染|お友だち|友だち|チームメイト|仲間)の"
    r"|同じ[^\s、。！!？?の]{1,6}の"
    r"|(?:お友達|友達|友だち|ともだち|お子さん|娘さん|息子さん|お嬢さん|仲間|親友|同級生|クラスメイト|チームメイト)"
    r"[、,]\s*"
    # "保育園で一緒の", "同じ幼稚園に通う": a child met at a shared place
    r"|(?:園|校|クラス|教室|組)で(?:いつも)?一緒の|同じ[^\s、。！!？?の]{1,6}に通う"
    r"|(?:お向かい|向かい|お向かいさん|お隣さん|隣の家|裏の家|同じ団地|同じマンション)の"
    # "娘の大好きな", "息子が大好きな": the poster's child's friend
    r"|(?:娘|息子|長男|長女|次男|次女|三男|三女|末っ子)(?:の|が)(?:大好きな|だいすきな|仲良しの)"
    r")$"
)
#: Words after a name that make it another family's child: a parent named through the child
#: ("あかりちゃんのママ"), or a friend in brackets ("莉子ちゃん（保育園のお友達）").
JA_OTHER_AFTER_MORE = re.compile(
    r"^(?:ちゃん|くん|君)?(?:の(?:ママ(?!友)|パパ(?!友)|お母さん|お父さん|お母様|お父様|おうち|お家|ご家族)"
    r"|(?:親子|ファミリー|一家|家族)(?:と|で|に|の|が|、)|ち(?:で|に|へ|の|から|[（(])"
    # "しおりちゃんとこで", "…とこのママ" (X's place); not "ゆいちゃんと、このあと"
    r"|とこ(?:で|に|へ|から|の(?:ママ|パパ|お母さん|お父さん|家|おうち))"
    r"|\s*[（(][^)）]{0,14}(?:お友達|友達|友だち|ともだち|いとこ|ママ友|パパ友|娘さん|息子さん|お子さん|姪|甥|"
    r"同級生|クラスメイト|親友|幼なじみ|仲間|同じクラス)"
    r"[^)）]{0,4}[)）])"
)
#: Words before a name that make it the poster's own: "うちの", "我が家の", a relation word
#: ("娘の", "孫の", "お兄ちゃんの"). Read after the other-family cues, which win ("友達の息子の").
JA_OWN_BEFORE = re.compile(
    r"(?:(?:うち|ウチ|我が家|わが家|娘|息子|長男|長女|次男|次女|三男|三女|末っ子|孫|初孫|"
    r"お兄ちゃん|お姉ちゃん|おにいちゃん|おねえちゃん|兄弟|姉妹|姉弟|兄妹|双子|上の子|下の子|連れ子)(?:の|・)|(?:長男|長女|次男|次女|三男|三女|末っ子|孫))$"
)
_CHILD_KIN = (
    r"(?:兄弟|姉妹|姉弟|兄妹|きょうだい|双子|ふたご|上の子|下の子|真ん中の子|三兄弟|三姉妹|一人目|二人目|三人目|"
    r"第一子|第二子|第三子)"
)
#: Words for the poster's children as a group or by their order: "兄弟の蓮と湊", "下の子のゆい". They
#: end in 弟/妹 as a grown-up's brother or sister does ("弟の"), and outweigh that reading.
JA_CHILD_KIN_BEFORE = re.compile(rf"{_CHILD_KIN}(?:の|・)$")
#: A brother or sister named with a second one, or with a child's age or school year: "兄の蓮と妹の結衣",
#: "姉のゆいは8歳" (without these, "兄の" is the poster's own brother).
JA_SIBLING_NAMED = re.compile(
    rf"(?:兄|姉|弟|妹|いもうと|おとうと)(?:の|・)(?P<name>{KANA_NAME}|{KANJI_NAME})"
    r"(?=ちゃん|くん|君|は|が|、|,|の|も|と|[（(。！!]|\s|$)"
)
#: A child's age or school year after a name: "は8歳", "（6）", "は年長さん".
JA_CHILD_AGE_AFTER = re.compile(
    r"^(?:ちゃん|くん|君)?(?:は|が|も|、|,)?\s*(?:もう|今日で|今年で)?\s*(?:[0-9０-９]{1,2}\s*(?:歳|さい|才|ヶ月|か月)|"
    r"小学|中学|年長|年中|年少|保育園|幼稚園|"
    r"[（(]\s*(?:[0-9０-９]{1,2}\s*(?:歳|才|さい)?|小学?[1-6１-６]|中[1-3１-３]|年長|年中|年少)[^)）]{0,6}[)）])"
)
#: "孫のそうた", "お兄ちゃんの湊太", "下の子のゆい": a grandchild, a child's older brother or sister, or a
#: child by their order among the poster's children.
JA_RELATION_MORE = re.compile(
    rf"(?:孫|初孫|お兄ちゃん|お姉ちゃん|おにいちゃん|おねえちゃん|連れ子|{_CHILD_KIN})(?:の|・)(?P<name>{KANA_NAME}?|{KANJI_NAME}?)"
    r"(?=ちゃん|くん|君|は|が|、|,|の|も|と|を|に|[)）]|\s|$)"
)
#: A child's age, school year or class before の and the name: "小2の虎太朗", "2年生のりん", "1歳10ヶ月のかえで",
#: "2歳児クラスのゆうひ", "保育園児のそうすけ", "年少のさくたろう🗣️" (lexicon.JA_RELATION reads "小学2年生の").
JA_YEAR_RELATION = re.compile(
    r"(?:(?<![0-9０-９])[1-6１-６]年生|(?<![一-龯々])小[1-6１-６]|(?<![一-龯々])中[1-3１-３]|"
    r"[0-9０-９]{1,2}\s*(?:歳|才)\s*[0-9０-９]{1,2}\s*(?:ヶ月|か月|カ月)|(?<![0-9０-９])[0-9０-９]{1,2}\s*(?:ヶ月|か月|カ月)|"
    r"[0-9０-９]\s*歳児(?:クラス)?|保育園児|幼稚園児|園児|小学生|中学生|(?:年少|年中|年長)(?:さん|組|クラス)?)"
    rf"の(?P<name>{KANA_NAME}?|{KANJI_NAME}?)"
    r"(?=ちゃん|くん|君|は|が|、|,|の|も|と|を|に|[)）。！!？?]|\s|$|[^\w])"
)
#: Words after an age or a school year and の that are no name: "2年生のとき", "小1のころ", "3歳のみんな".
JA_YEAR_NOT_NAMES = frozenset(
    """
    とき ころ みんな なか まえ あと うち ほう ため 頃 時 春 夏 秋 冬 秋に 算数 国語 理科 社会 漢字 担任 男の子 女の子
    子 子たち 息子 娘 長男 長女 次男 次女 三男 三女 女子 男子 子ども 子供 こども 兄 姉 弟 妹 娘たち 息子たち 全員 頃に 間
    かけっこ おゆうぎ おうた リレー たまいれ つなひき ダンス おべんとう えんそく はっぴょう みんなで おともだち
    """.split()
)
#: A name in kanji with its reading in brackets: "晴(はる)、", "うちの光(ひかり)が", "詩（うた）ちゃん".
JA_NAME_READING = re.compile(r"(?<![一-龯々])(?P<name>[一-龯々]{1,3})(?=[（(](?P<reading>[ぁ-ゖ]{2,6})[)）])")
#: A relative's child named after the kinship word: "甥っ子のこうたろう、", "姪の美桜は" (whose: lexicon.JA_OTHER_BEFORE).
JA_KIN_CHILD = re.compile(
    rf"(?:甥っ子|姪っ子|甥|姪)(?:の|・)(?P<name>{KANA_NAME}?|{KANJI_NAME}?)"
    r"(?=ちゃん|くん|君|は|が|、|,|も|と|を|に|[（(。！!]|\s|$)"
)
#: A listed name in a diary's phrasing: a time word and の ("今朝のつむぎ、", "最近のひまりは"), or a greeting to the
#: child ("おはよう、ゆず", "おやすみ、そうた"); names.py takes only names that are no everyday word.
JA_DIARY_NAME = re.compile(
    r"(?:(?:今日|今朝|昨日|最近|本日|今夜|昨夜|週末|休日|寝起き|お風呂上がり|風呂上がり|夏休み|冬休み|春休み)の"
    r"|(?:おはよう|おやすみ|おかえり|ありがとう|がんばれ|頑張れ|大好きだよ)[、,!！\s]\s*)"
    r"(?P<name>[ぁ-ゖ]{2,5}?|[一-龯々]{1,3}?)(?=[、,。！!？?☀-➿\s]|$|ちゃん|くん|は|が|も)"
)
#: A child with an honorific who came over or was met: "そうたくんが泊まりに来た", "ゆいちゃんに会えた".
JA_VISITOR_AFTER = re.compile(
    r"^(?:ちゃん|くん|君)(?:が|も)?(?:泊まりに|お泊まり|うちに来|家に来|来てくれ|来た|やってき|遊びにき)"
    r"|^(?:ちゃん|くん|君)(?:に(?:会え|会っ|会いに|再会)|と(?:再会|久しぶり))"
)
#: Children with an honorific thanked in a post about friends: "お友達と公園へ 陽太くん、ありがとう".
JA_THANKED_AFTER = re.compile(r"^(?:ちゃん|くん|君)[、,\s]*(?:いつも|今日は)?(?:ありがとう|ありがと)")
JA_FRIENDS_WORD = re.compile(r"お友達|友達|友だち|ともだち")
#: Words for a child's peers or a shared place: a post where one child is named bare and another with
#: an honorific ("つむぎ、ことちゃんと同じクラス") names the poster's child and a friend.
JA_PEERS_WORD = re.compile(
    r"お友達|友達|友だち|ともだち|ママ友|パパ友|親友|幼なじみ|幼馴染|同級生|クラス|同じ|仲間|いとこ|従兄弟|従姉妹|"
    r"保育園|幼稚園|こども園|学校|学童|児童館|習い事|教室|スイミング|遠足"
)
#: A present or a letter from a child with an honorific: "ゆいちゃんからお手紙", "そうたくんにもらった".
JA_GIFT_FROM = re.compile(
    r"^(?:ちゃん|くん|君)(?:から|に)(?:の)?(?:もらった|いただいた|頂いた|プレゼント|お手紙|手紙)"
)
#: The poster's child by a relation word and another child with an honorific: "娘とゆいちゃんが".
JA_OWN_CHILD_AND = re.compile(
    r"(?:(?:娘|息子|長男|長女|次男|次女|三男|三女|末っ子|うちの子|子ども|子供)(?:と|や)"
    # "保育園でゆいちゃんと遊んだって": a child met at nursery or school, told of by ours
    r"|(?:保育園|幼稚園|こども園|学校|園|クラス|学童|教室|公園|児童館|支援センター)で(?:は|も)?"
    # "保育園のゆいちゃん", "スイミングのそうたくん": a child known from a place or a lesson
    r"|(?:保育園|幼稚園|こども園|小学校|学校|学童|習い事|スイミング|サッカー|児童館|支援センター|公園)の)$"
)
#: A child thanked for being a friend to the poster's child: the named child is someone else's. ("妹と遊んでくれて"
#: is said of the poster's own older child, so only a relation word for ours counts.)
JA_THANKED_FRIEND = re.compile(
    r"仲良く(?:して)?くれ|(?:娘|息子|うちの子|子ども|子供|長男|長女|次男|次女|三男|三女)と(?:いつも)?遊んでくれ"
)
#: The voice of someone who teaches, coaches or is an aunt to the children named ("サッカーのコーチです",
#: "ピアノの先生です", "伯母として"): a child named with an honorific is another family's.
JA_CARER_VOICE = re.compile(
    r"(?:コーチ|先生|せんせい|講師|監督|保育士|指導員)(?:です|をしています|をしてます|やってます|をやっています)|"
    r"(?:伯母|叔母|伯父|叔父)として"
)
#: "うちの朔は", "我が家の紗良": a name after "ours" (the household's child).
JA_OURS = re.compile(
    rf"(?:うちの|ウチの|我が家の|わが家の)(?P<name>{KANA_NAME}|{KANJI_NAME})"
    r"(?=ちゃん|くん|君|は|が|と|も|、|,|で|を|に|の|[。！!？?（(]|\s|$)"
)
#: Words after "うちの" that are no child's name: the home, the family, pets, things.
JA_OURS_NOT_NAMES = frozenset(
    """
    子 子供 子ども 子たち こたち こども こ 中 前 近く 近所 庭 家 車 夫 妻 母 父 主人 旦那 嫁 犬 猫 わんこ ワンコ
    にゃんこ ニャンコ 息子 娘 長男 長女 次男 次女 三男 三女 チビ ちび チビたち ちびっこ 姫 王子 双子 ベランダ
    愛犬 愛猫 第一子 第二子 第三子 第四子 一人目 二人目 三人目 上の子 下の子 真ん中 末っ子 赤ん坊 ベビー
    地域 方 辺 周り 場合 分 ぶん おうち 母さん 父さん 息子たち 娘たち 兄弟 姉妹 三兄弟 三姉妹 年子 坊主 ムスメ ムスコ
    """.split()
)
#: Things, lessons and days after a relation word that are no name: "長女のピアノの発表会",
#: "娘の学校", "息子の部屋", "孫の顔".
JA_THING_WORDS = frozenset(
    """
    ピアノ バレエ ダンス サッカー スイミング プール テニス バスケ 野球 空手 習字 英語 体操 水泳 チア チアダンス
    リトミック エレクトーン バイオリン ヴァイオリン 書道 そろばん 公文 くもん 塾 学童 保育園 幼稚園 小学校 中学校
    学校 学年 クラス 担任 同級生 クラスメイト クラスメート 親友 幼なじみ 幼馴染 彼女 彼氏 先生 友達 お友達
    部屋 服 靴 顔 手 足 髪 歯 声 話 夢 名前 言葉 成長 寝顔 笑顔 写真 絵 作品
    宿題 おもちゃ 自転車 制服 体操服 水筒 帽子 傘 上履き リュック ランドセル お弁当 弁当 ご飯 ごはん おやつ 離乳食
    ミルク おむつ オムツ 誕生日 お誕生日 運動会 発表会 入学式 入園式 卒園式 卒業式 入学 入園 卒園 卒業 七五三
    夏休み 冬休み 春休み 習い事 送り迎え お迎え 送迎 試合 大会 練習 試験 テスト 成績 通知表 部活 熱 風邪 体調
    病院 検診 健診 予防接種 身長 体重 ため 為 方 ほう 分 番 時 頃 ころ 日 ママ パパ 好物 お気に入り 大好物
    """.split()
)
#: Words said with ちゃん or も that are family members, fruit, time words and such, not children:
#: "お姉ちゃん", "赤ちゃん", "じいじも", "これからも", "最後の運動会".
JA_MORE_NOT_NAMES = frozenset(
    """
    ちび チビ おちび ムスメ ムスコ 姪 甥 子 いとこ 嬢 坊 ぼっ ねえね にいに ねーね にーに 猫 犬 ベビ ベビー 赤子
    先輩 後輩 客 王子 姫 双子 三姉妹 三兄弟 ドラ ミッキー ミニー トトロ メル ぽぽ リカ ドキン コキン メロンパンナ
    ロールパンナ まる子 ちびまる子 コウペン ジバニャン のび太 スネ夫 ジャイアン ミニオン ちいかわ ハチワレ マイメロ
    クロミ キキ ララ ジジ プリン チップ デール ダッフィー シェリーメイ ステラ ルー
    生後 妊娠 男児 女児 男の子 女の子 きょうだい 年子 こども 子供 子ども 乳児 幼児 新生児 産後 育休
    ひいおばあ ひいおじい ひいばあ ひいじい ひいばぁ ひいじぃ
    年長 年中 年少 おっ おね おに 新人 店長 社長 部長 課長 隊長 船長 駅長 園長 校長
    孫娘 孫息子 姉 兄 弟 妹 赤 孫 じいじ ばあば じぃじ ばぁば じいちゃん ばあちゃん おじいちゃん おばあちゃん
    これから それから これまで ここから そこから あれから 最後 最初 初日 最終 初
    今日 明日 昨日 今朝 今夜 今週 先週 来週 週末 平日 土日 本日 先日 去年 今年 来年 毎日 毎朝 毎週 毎年
    """.split()
)
#: The rest of a kanji run a name must not end with: "6年生最後の運動会" gives no "生最後", "年長組" is a
#: nursery class, "保育園" a school, "一度" and "何回目" count.
JA_NOT_NAME_TAIL = re.compile(r"(?:最後|最初|最終|初日|組|園|校|年生|姉妹|兄弟|度|回|目)$")
#: Famous grown-ups by their trade: "推しのれんくん", "俳優の…くん".
JA_CELEBRITY_BEFORE = re.compile(
    r"(?:推し|俳優|女優|アイドル|芸人|歌手|選手|タレント|アーティスト|声優|ユーチューバー|YouTuber|メンバー|モデル)の$"
)
#: Pets by breed or kind before a name: "トイプーのマロンくん", "柴犬のこむぎ".
JA_PET_BEFORE = re.compile(
    r"(?:トイプー|トイプードル|プードル|チワワ|ダックス|柴犬|豆柴|柴|ポメ|ポメラニアン|コーギー|ラブラドール|ゴールデン|"
    r"フレブル|パグ|シュナウザー|マルチーズ|ヨーキー|シーズー|ビーグル|ハムスター|ハム|うさぎ|ウサギ|文鳥|インコ|金魚|"
    r"カメ|亀|保護犬|保護猫|愛鳥|子犬|子猫|ワンちゃん|猫ちゃん)(?:の|、|,|\s)*$"
)
#: What a child's own day or activity may be after "Xの": a school or nursery, a lesson, an age
#: before a birthday ("こはるの3歳のお誕生日", "ひまりの保育園の発表会", "ゆずの英語教室").
JA_ACTIVITY_AFTER_NAME = re.compile(
    r"の(?:[0-9０-９]{1,2}(?:歳|さい)の(?:お誕生日|誕生日|バースデー)|保育園|幼稚園|こども園|保育参観|授業参観|参観日|"
    r"[一-龯ァ-ヺー]{1,6}教室|習い事|お遊戯会|学芸会|音楽会|成長記録|お宮参り|ピアノ|バレエ|サッカー|スイミング|"
    # the care of a small child: "りおなの寝かしつけ", "ここあの離乳食"
    r"寝かしつけ|離乳食|お弁当|夜泣き|イヤイヤ期|トイトレ|寝顔|お昼寝|乳歯|[1-9１-９]歳児健診|予防接種|ランドセル|上履き)"
)
#: A school year, a nursery class, an age or a relation in brackets after a name: "ちひろ（小学1年生）",
#: "まなと（年中）", "ここあ（5歳・年中）", "りおな(1y3m)".
_BRACKET_ITEM = (
    r"(?:小学?[1-6１-６一二三四五六](?:年生?)?|中[1-3１-３]|年長|年中|年少|新[1-6１-６一二三四五六]年生|"
    r"[0-9０-９]{1,2}\s*(?:歳|才|さい)(?:[0-9０-９]{1,2}\s*(?:ヶ月|か月|カ月)|半)?|[0-9０-９]{1,2}\s*(?:ヶ月|か月|カ月)|"
    r"[0-9]{1,2}y(?:[0-9]{1,2}m)?|長男|長女|次男|次女|三男|三女|末っ子|お兄ちゃん|お姉ちゃん|兄|姉|弟|妹|息子|娘|孫)(?:さん)?"
)
JA_WITH_YEAR = re.compile(
    rf"(?P<name>{KANA_NAME}|{KANJI_NAME})\s*[（(]\s*{_BRACKET_ITEM}(?:\s*[・、,/／\s]\s*{_BRACKET_ITEM})*\s*[)）]"
)
#: A name opening a sentence glued to an age: "ゆな3歳になったよ", "蓮くん5歳".
JA_NAME_AGE = re.compile(
    rf"(?:^|(?<=[\s。！!？?】]))(?P<name>{KANA_NAME}|{KANJI_NAME})(?:ちゃん|くん|君)?\s*"
    r"(?=[0-9０-９]{1,2}\s*(?:歳|さい|才|ヶ月|か月|カ月))"
)
#: A name spoken to and followed by a school year: "しおり、小学1年生".
JA_VOCATIVE_YEAR = re.compile(
    rf"(?:^|(?<=[。！!？?\s]))(?P<name>{KANA_NAME}|{KANJI_NAME})[、,]\s*"
    r"(?=小学?[1-6１-６一二三四五六]年生|小[1-6１-６]の|中[1-3１-３]の|年長さん|年中さん|年少さん|新[1-6１-６一二三四五六]年生)"
)
#: Two children named together opening a sentence: "樹と結菜、", "みおとめい、姉妹で".
JA_PAIR_TAIL = re.compile(r"^(?:ちゃん|くん|君)?(?:、|,)\s*(?:兄弟|姉妹|姉弟|兄妹|二人|ふたり|きょうだい)?")
#: Siblings or twins named right after a pair: the pair are one family's children.
JA_SIBLING_WORDS = re.compile(r"^(?:ちゃん|くん|君)?[、,]?\s*(?:兄弟|姉妹|姉弟|兄妹|二人|ふたり|きょうだい)")
#: Joins between two children named one after the other: "りおちゃんとあかねちゃん", "れんくん・あんなちゃん".
JA_JOIN = re.compile(r"(?:ちゃん|くん|君)?\s*(?:[（(][^)）]{0,14}[)）])?\s*(?:と|・|や)\s*")
#: A pet's kind or breed in brackets after its name: "ももちゃん（トイプードル）".
JA_PET_AFTER = re.compile(
    r"^(?:ちゃん|くん|君)?\s*[（(][^)）]{0,12}(?:犬|猫|ねこ|いぬ|プードル|トイプー|チワワ|ダックス|柴|ポメ|コーギー|"
    r"ハムスター|うさぎ|ウサギ|インコ|文鳥|オス|メス|♂|♀)"
)
#: A child's nickname with a long vowel: "みーちゃん", "ゆーくん" (not "ねーちゃん", a sister).
JA_NICKNAME = re.compile(
    r"(?:(?<=の)|(?<![ぁ-ゖァ-ヺー一-龯々])|(?<=[ァ-ヺ一-龯々][にとでがはもや]))(?P<name>[ぁ-ゖ]{1,2}ー)(?=ちゃん|くん|君)"
)
JA_NOT_NICKNAMES = frozenset(
    "ねー にー ばー じー かー とー おねー おにー おばー おじー おかー おとー".split()
)
#: A child born, or reaching an age or a school year, opening a sentence: "ゆいが生まれました",
#: "そらは今日で3歳になりました", "湊も小学生になりました".
JA_GREW = re.compile(
    r"(?:^|(?<=[\s。！!？?】]))(?P<name>[一-龯々]{1,3}|[ぁ-ゖ]{2,5})(?:ちゃん|くん|君)?(?:は|が|も)"
    r"(?=(?:今日で|本日で|ついに|無事に?|もう|とうとう|いよいよ|今日から|春から|4月から)?\s*"
    r"(?:(?:[0-9０-９]{1,2}\s*(?:歳|さい|才)|小学生|中学生|小学[1-6１-６一二三四五六]年生|[1-6１-６一二三四五六]年生|"
    r"年長さん|年中さん|年少さん|お兄ちゃん|お姉ちゃん)に(?:なり|なっ)|生まれ|産まれ|誕生し))"
)
#: A child spoken to, then praised for what the sentence tells: "めい、ピアノの発表会で金賞".
JA_VOCATIVE_PRAISE = re.compile(
    r"(?:^|(?<=[。！!？?\s】]))(?P<name>[ぁ-ゖ]{2,5}|[一-龯々]{1,3})(?:ちゃん|くん|君)?[、,]\s*"
    r"(?=[^。！!？?\n]{0,24}?(?:入賞|優勝|準優勝|合格|金賞|銀賞|銅賞|表彰|[1１一]位|デビュー|がんばった|頑張った|"
    r"えらかった|よくできました|大きくなった|すごかった|かっこよかった|可愛かった|かわいかった))"
)
#: Hiragana words that open a sentence before a comma and are no names: "ついに、", "そして、".
JA_KANA_OPENERS = frozenset(
    """
    そして でも しかし ついに やっと なんと さて まず いよいよ とうとう ようやく ちなみに ところで そういえば
    おはよう こんにちは こんばんは ただいま おやすみ ありがとう ごめん ほんと ほんとに やっぱり さすが なので
    だから それで すると けど けれど ただ ほら ねえ みんな みんなで きょう あした きのう けっか じつは さいきん
    むすめ むすこ おとうと いもうと あに あね おっと つま わたし ぼく おれ うちのこ あかちゃん うち
    はじめて さいしょ さいご ひさしぶり となり ちかく おともだち かぞく せんせい だれ みんな ぱぱ まま
    すごい えらい みなさん おかげで なんとか どうにか そのあと このあと あのね あと まあ うーん えっと
    ふたり さんにん ひとり あの この その どの こんど けさ ゆうべ まいにち しゅうまつ いつも
    """.split()
)
#: A child out with a parent, named first: "ことねとパパでパンケーキ作り", "大智と父ちゃんでキャンプ".
JA_WITH_PARENT = re.compile(
    r"(?:^|(?<=[\s。！!？?】、,]))(?P<name>[一-龯々]{1,3}|[ぁ-ゖ]{2,5})(?:ちゃん|くん|君)?と"
    r"(?=(?:パパ|ママ|父ちゃん|母ちゃん|とうちゃん|かあちゃん|お父さん|お母さん|夫|旦那|主人)(?:で|と|が|は|の|、|,|\s))"
)
#: Children listed before a word for brothers and sisters: "そら、うみ、りくの三兄弟", "そらとうみの姉妹".
JA_SIBLING_LIST = re.compile(
    r"(?:^|(?<=[\s。！!？?】、,]))(?P<list>(?:(?:[一-龯々]{1,3}|[ぁ-ゖ]{2,5})(?:ちゃん|くん|君)?(?:、|,|と|・)){1,4}"
    r"(?:[一-龯々]{1,3}|[ぁ-ゖ]{2,5})(?:ちゃん|くん|君)?)(?:の|、|,|\s)?(?=三兄弟|三姉妹|兄弟|姉妹|姉弟|兄妹|きょうだい|双子|ふたご)"
)
#: A child's name in romaji with an honorific ("Yui-chan", "Sora kun"), or beside a parent and a Japanese
#: particle ("Papa to Sora no ...", "Sora to mama de").
JA_ROMAJI_NAME = re.compile(
    r"\b(?P<name>[A-Z][a-z]{1,9})(?:-|\s)?(?:chan|kun)\b"
    r"|\b(?:[Pp]apa|[Mm]ama|[Pp]api|[Mm]ami)\s+to\s+(?P<after>[A-Z][a-z]{1,9})(?=\s+(?:no|de|wa|ga|to|mo|ni)\b)"
    r"|\b(?P<before>[A-Z][a-z]{1,9})\s+to\s+(?:papa|mama|futari)(?=\s+(?:no|de|wa|ga|to|mo|ni)\b)"
)
#: The poster naming themself by their child: "ゆいママです", "蓮のパパになって5年", "そうたママより".
_SELF_PARENT = (
    r"(?:ちゃん|くん|君)?の?(?:ママ|パパ|母|父)(?:です|でした|だよ|より|歴|になって|になりました|として|業)"
)
JA_SELF_PARENT_AFTER = re.compile(rf"^{_SELF_PARENT}")
JA_SELF_PARENT = re.compile(
    rf"(?:^|(?<=[\s。！!？?】、,]))(?P<name>[ぁ-ゖ]{{2,5}}?|[一-龯々]{{1,3}})(?={_SELF_PARENT})"
)
#: A listed name opening a sentence as the topic of a first time: "いろはは初めてのプール" (a name that is
#: also a word too; "さくらが初めて咲いた" is the blossom, so が does not count).
JA_FIRST_TIME = re.compile(
    r"(?:^|(?<=[\s。！!？?】]))(?P<name>[一-龯々]{1,3}|[ぁ-ゖ]{2,5}?)(?:ちゃん|くん|君)?(?:は|も)"
    r"(?=初めて|はじめて|人生初|初の)"
)
#: A name opening a sentence as the topic of a child's age: "ここなは5歳", "りくはまだ2歳".
JA_AGE_TOPIC = re.compile(
    r"(?:^|(?<=[\s。！!？?】、,]))(?P<name>[一-龯々]{1,3}|[ぁ-ゖ]{2,5}?)(?:ちゃん|くん|君)?(?:は|が|も)"
    r"(?:もう|まだ|今|今年|今日で|現在|この春で)?\s*(?=(?:1[0-7]|１[０-７]|[0-9０-９])\s*(?:歳|さい|才|ヶ月|か月|カ月))"
)
#: A child's first steps, help or drawing opening a sentence: "ゆうごがお手伝いしてくれた", "うららがつかまり立ち
#: した", "りおなが描いた絵" (a kanji word there must be a listed name: "会社が作った" is no child).
JA_ACHIEVED_MORE = re.compile(
    r"(?:^|(?<=[\s。！!？?】]))(?P<name>[一-龯々]{2,3}|[ぁ-ゖ]{2,5}?)(?:ちゃん|くん|君)?が(?=[^。！!？?\n]{0,12}?"
    r"(?:お手伝い|手伝って|つかまり立ち|お座り|おすわり|はいはい|たっち|あんよ|歯が生え|卒乳|トイトレ|おむつ卒業|"
    r"逆上がり|縄跳び|なわとび|補助輪|一人で寝|ひとりで寝|描いた|書いた|作った|描いてくれた|書いてくれた|作ってくれた))"
)
#: A listed child the poster went out with, after a particle or opening a sentence: "週末はそらと動物園",
#: "保育園帰りにみことと寄り道", "こうがとおそろいのTシャツ".
JA_OUT_WITH = re.compile(
    r"(?:^|(?<=[\s。！!？?】])|(?<=[一-龯々][はにでも]))(?P<name>[ぁ-ゖ]{2,5}?)と(?=公園|動物園|水族館|お散歩|散歩|買い物|"
    r"お買い物|お出かけ|おでかけ|プール|海|山|旅行|キャンプ|遊園地|ディズニー|映画|お風呂|二人|ふたり|"
    r"寄り道|おそろい|お揃い|お昼寝|おひるね)"
)
#: A place name made with が ("あさひが丘", "ひばりヶ丘"): the word before is no child's name.
JA_PLACE_AFTER = re.compile(r"^[がヶケ](?:丘|岡|谷|浜|崎|原|沢|島|森|台|峰|関|淵|池)")
#: A hashtag made of a name and an age or a growth diary: "#しゅうへい2歳", "#りくの成長記録" (read where a
#: hashtag starts: the analysed text spells hashtags out without "#").
JA_HASHTAG_NAME = re.compile(
    r"(?P<name>[ぁ-ゖ]{2,6}?|[一-龯々]{1,3}|[ァ-ヺー]{2,6}?)(?:ちゃん|くん|君)?"
    r"(?=[0-9０-９]{1,2}\s*(?:歳|さい|才|ヶ月|か月|カ月)(?!差)|の?成長記録|の?育児日記|の?日常)"
)
#: What follows ちゃん/くん when they are part of a word, not an honorific: "長崎ちゃんぽん", "ちゃんこ鍋",
#: "くんせい" (smoked), "くんれん" (training), or the adverb "ちゃんと" (properly) before a verb
#: ("はみがきちゃんとできた").
JA_NOT_HONORIFIC_AFTER = re.compile(
    r"^(?:ちゃんぽん|ちゃんこ|くんせい|くん製|くんれん|くん練|"
    r"ちゃんと(?:でき|し(?:て|た|よう|ます|な)|する|食べ|たべ|言え|言う|いえた|聞|寝|ねた|ねれ|やっ|やれ|見|書|読|座|すわっ|"
    r"待|歩|起|おきた|着|片付|かたづけ|挨拶|あいさつ|守|まもっ|洗|磨|みがい|飲|持|行け|行っ|いけた))"
)
#: A grown-up's day or life after a name: "ゆみちゃんの結婚式", "なおちゃんの出産祝い".
JA_ADULT_AFTER = re.compile(
    r"^(?:ちゃん|くん|君)?の?(?:結婚式|結婚|披露宴|出産|妊娠|送別会|歓迎会|退職|還暦|古希|喜寿|米寿|卒寿|同窓会|入籍|婚約|"
    r"ご主人|旦那|彼氏|彼女|奥さん|職場|会社|お店|新居)"
)
#: A letter to a child opening a caption or a line: "ゆいへ　お誕生日おめでとう" (a kanji word must be listed:
#: "未来へ" is no child).
JA_LETTER_TO = re.compile(
    r"(?:^|(?<=\n))\s*(?P<name>[ぁ-ゖ]{2,5}|[一-龯々]{1,3})(?:ちゃん|くん|君)?へ(?=[\s、,。！!]|$)"
)
