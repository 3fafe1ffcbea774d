"""Japanese name classes: whose a child's name is, and words that look like names. One synthetic
caption per case, written for these tests (not taken from the evaluation files)."""

from __future__ import annotations

from tests.analyzers.test_names_classes import _children


def test_a_friends_or_relatives_son_or_daughter_is_another_familys_child() -> None:
    assert _children("友達の娘のさなちゃんと公園へ") == [("さな", "other")]
    assert _children("ママ友のお子さんのあおいくん、ありがとう") == [("あおい", "other")]
    assert _children("田中さんの息子さんのけんたくんと遊んだ") == [("けんた", "other")]


def test_a_child_named_through_a_household_or_a_shared_place_is_another_familys() -> None:
    assert _children("山田さんちのそうたくんとプール") == [("そうた", "other")]
    assert _children("同じ保育園のめいちゃんが遊びに来た") == [("めい", "other")]
    assert _children("保育園のお友達、けいくんとまさきくんと遊んだ") == [
        ("けい", "other"),
        ("まさき", "other"),
    ]


def test_a_child_named_through_a_parent_or_as_a_friend_in_brackets_is_another_familys() -> None:
    assert _children("ゆいちゃんのママとランチ") == [("ゆい", "other")]
    assert _children("たくみくんのお母さんにお礼を言った") == [("たくみ", "other")]
    assert _children("めいちゃん（保育園のお友達）と公園") == [("めい", "other")]


def test_a_child_thanked_for_playing_with_ours_is_another_familys() -> None:
    assert _children("結衣ちゃんいつも仲良くしてくれてありがとう") == [("結衣", "other")]


def test_children_listed_together_share_whose_they_are() -> None:
    assert _children("いとこのゆいちゃんとさなちゃん") == [("ゆい", "other"), ("さな", "other")]
    assert _children("りおちゃんとかえでちゃんが遊びに来てくれた") == [("りお", "other"), ("かえで", "other")]
    # a grandchild and a second grandchild who came to visit: the relation word outweighs "came over"
    assert _children("孫の陽翔と結衣が遊びに来てくれた") == [("陽翔", "own"), ("結衣", "own")]
    assert _children("うちの蓮と、友達のはるとくん") == [("蓮", "own"), ("はると", "other")]


def test_ours_a_grandchild_and_an_older_sibling_name_the_posters_children() -> None:
    assert _children("うちのゆいは5歳") == [("ゆい", "own")]
    assert _children("初孫のゆいが生まれました") == [("ゆい", "own")]
    assert _children("お姉ちゃんの結衣はしっかり者") == [("結衣", "own")]
    # the household, pets and things after "うちの" are no names
    assert _children("うちの子は今日から年長さん") == []
    assert _children("うちの中がおもちゃだらけ") == []


def test_names_before_a_childs_school_lesson_or_birthday() -> None:
    assert _children("今日は陽翔の保育参観") == [("陽翔", "own")]
    assert _children("蓮の英語教室の日") == [("蓮", "own")]
    assert _children("今日はこうたの4歳のお誕生日") == [("こうた", "own")]
    assert _children("近所の保育園の夏祭り") == []


def test_names_with_a_school_year_or_an_age() -> None:
    assert _children("まなと（年中）とちひろ（小学3年生）") == [("まなと", "own"), ("ちひろ", "own")]
    assert _children("結衣、小学1年生になりました") == [("結衣", "own")]
    assert _children("ひなた3歳になりました") == [("ひなた", "own")]
    assert _children("ついに3歳になりました") == []


def test_two_children_named_as_a_pair() -> None:
    assert _children("湊と陽翔、兄弟で公園") == [("湊", "own"), ("陽翔", "own")]
    assert _children("陽翔といろは、お揃いのパジャマ") == [("陽翔", "own"), ("いろは", "own")]
    assert set(_children("しゅんとめいちゃん（しゅんのお友達）と砂場")) == {
        ("しゅん", "own"),
        ("めい", "other"),
    }


def test_a_relation_word_then_a_name_and_a_particle() -> None:
    assert _children("長男のかいとが、年長さんに") == [("かいと", "own")]
    assert _children("次女のあんなの2歳のお誕生日") == [("あんな", "own")]
    assert _children("2時にこうたとお昼寝") == [("こうた", "own")]


def test_family_words_things_and_time_words_are_no_names() -> None:
    assert _children("お兄ちゃんの学校の運動会") == []
    assert _children("娘の学校の運動会") == []
    assert _children("孫の顔を見に") == []
    assert _children("長女のバレエの発表会") == []
    assert _children("今日の運動会は晴れ") == []
    assert _children("6年生最後の授業参観") == []
    assert _children("赤ちゃんの時の写真") == []
    assert _children("お姉ちゃんと一緒にお風呂") == []
    assert _children("じいじもばあばも大喜び") == []
    assert _children("これからもよろしくね") == []
    assert _children("鯛も用意しました") == []
    assert _children("学童のあとに公園") == []
    assert _children("お誕生日おめでとう！じいじより") == []
    assert _children("今日は晴れて散歩日和") == []


def test_nicknames_births_new_ages_and_praise_name_a_child() -> None:
    assert _children("みーちゃんと公園") == [("みー", "own")]
    assert _children("ねーちゃんと遊んだ") == []  # a sister
    assert _children("ゆいが生まれました") == [("ゆい", "own")]
    assert _children("そらは今日で3歳になりました") == [("そら", "own")]
    assert _children("第二子が生まれました") == []
    assert _children("息子は今日で5歳になりました") == []
    assert _children("めい、ピアノの発表会で金賞") == [("めい", "own")]
    assert _children("ついに、大会で優勝") == []
    assert _children("大会、優勝しました") == []


def test_pets_by_breed_nursery_classes_and_school_years_are_no_children() -> None:
    assert _children("トイプーのマロンくん") == []
    assert _children("さくら組の運動会") == []
    # a school year with さん is no household: the child is not thereby another family's
    assert _children("年長さんのゆいちゃん") == [("ゆい", "own")]
    assert _children("娘のクラスメイトのみゆちゃん") == [("みゆ", "other")]
    assert _children("息子の同級生のそうまくん") == [("そうま", "other")]


def test_brothers_and_sisters_named_as_children() -> None:
    assert _children("兄の蓮と妹の結衣、仲良し") == [("蓮", "own"), ("結衣", "own")]
    assert _children("姉のゆいは8歳") == [("ゆい", "own")]
    assert _children("兄弟の蓮と湊") == [("蓮", "own"), ("湊", "own")]
    assert _children("双子のそうたとゆうた") == [("そうた", "own"), ("ゆうた", "own")]
    assert _children("下の子のゆいは2歳") == [("ゆい", "own")]
    # the poster's own brother or sister, a grown-up
    assert _children("兄のたけしと飲みに行った") == []
    assert _children("妹の美咲は35歳") == []


def test_a_pet_with_its_breed_in_brackets_is_no_child() -> None:
    assert _children("うちのももちゃん（トイプードル）") == []


def test_a_child_out_with_a_parent_and_openers_that_are_no_names() -> None:
    assert _children("ことねとパパでパンケーキ") == [("ことね", "own")]
    assert _children("娘とパパでお出かけ") == []
    assert _children("みんなとパパで遊んだ") == []
    assert _children("とうとう、3歳！") == []
    assert _children("こどもの日🎏 かしわ餅おいしかった") == []


def test_family_words_dolls_and_characters_with_chan_are_no_names() -> None:
    for word in (
        "末っ子ちゃん",
        "甥っ子くん",
        "ねえねちゃん",
        "猫ちゃん",
        "双子ちゃん",
        "新一年生くん",
        "メルちゃん",
    ):
        assert _children(f"{word}と公園で遊んだ") == [], word


def test_another_familys_child_by_household_shared_place_or_our_childs_friend() -> None:
    assert _children("けいちゃん一家とキャンプ") == [("けい", "other")]
    assert _children("けいちゃんちでお泊まり") == [("けい", "other")]
    assert _children("けいちゃん（ママ友の娘さん）とプール") == [("けい", "other")]
    assert _children("幼稚園で一緒のけいちゃん") == [("けい", "other")]
    assert _children("同じ小学校に通うみゆちゃん") == [("みゆ", "other")]
    assert _children("息子が大好きなみゆちゃん") == [("みゆ", "other")]
    assert _children("息子とみゆちゃんが手をつないで") == [("みゆ", "other")]
    assert _children("先輩ママの息子さん、けいくん") == [("けい", "other")]


def test_children_listed_before_a_word_for_brothers_and_sisters() -> None:
    assert _children("そら、うみ、りくの三兄弟") == [("そら", "own"), ("うみ", "own"), ("りく", "own")]
    assert _children("そらとうみの姉妹") == [("そら", "own"), ("うみ", "own")]
    assert _children("かんた（長男）としょうま（次男）") == [("かんた", "own"), ("しょうま", "own")]
    assert _children("🎂悠真8歳になりました🎂") == [("悠真", "own")]
    assert _children("今日と明日の兄弟") == []


def test_romaji_names_with_an_honorific_or_beside_a_parent() -> None:
    assert _children("Kai-kun 4歳になりました") == [("Kai", "own")]
    assert _children("Mama to Kai no pancake day 🥞") == [("Kai", "own")]
    assert _children("Talk to Mama about it") == []


def test_children_set_apart_from_ours_are_another_familys() -> None:
    assert _children("みおちゃんとさなちゃんと、うちの紬でお茶会") == [
        ("みお", "other"),
        ("さな", "other"),
        ("紬", "own"),
    ]
    assert _children("年に一度の運動会") == []
    assert _children("何度も転んだけど最後は一人で走れた") == []


def test_the_poster_named_by_their_child_names_their_own_child() -> None:
    assert _children("こはるのママです、よろしくお願いします") == [("こはる", "own")]
    assert _children("そうたママ歴6年") == [("そうた", "own")]
    # another child's mum is someone else's; the poster's own mum friends are no child's
    assert _children("こはるちゃんのママとランチ") == [("こはる", "other")]


def test_more_ranked_readings_are_listed_and_word_readings_need_a_persons_slot() -> None:
    assert _children("いつきと公園") == [("いつき", "own")]
    assert _children("げんきに遊んだ") == []  # "healthy"
    assert _children("明日来るか？") == []  # a verb's ending, not "るか"


def test_a_child_met_at_nursery_a_present_from_a_child_and_a_first_time() -> None:
    assert _children("保育園でみゆちゃんと遊んだって") == [("みゆ", "other")]
    assert _children("こうたくんからお手紙もらった") == [("こうた", "other")]
    assert _children("そらは初めての飛行機") == [("そら", "own")]
    assert _children("さくらが初めて咲いた") == []


def test_a_name_as_the_topic_of_a_childs_age() -> None:
    assert _children("ちさきはまだ2歳") == [("ちさき", "own")]
    assert _children("むすめは4歳") == []
    assert _children("愛犬は3歳") == []


def test_an_older_child_playing_with_a_younger_one_is_ours() -> None:
    assert _children("ゆいちゃんが弟と遊んでくれて助かる") == [("ゆい", "own")]
    assert _children("ゆいちゃんとそうたくん、いつも仲良くしてね") == [("ゆい", "own"), ("そうた", "own")]


def test_a_visitor_a_child_met_again_or_known_from_a_place_is_another_familys() -> None:
    assert _children("たいちくんが泊まりに来た") == [("たいち", "other")]
    assert _children("久しぶりにみゆちゃんに会えた") == [("みゆ", "other")]
    assert _children("スイミングのけいくんとばったり") == [("けい", "other")]
    assert _children("お向かいのたいちくん") == [("たいち", "other")]
    assert _children("孫のたいちが来てくれた") == [("たいち", "own")]


def test_children_thanked_in_a_post_about_friends_are_another_familys() -> None:
    assert _children("娘のお友達とピクニック みゆちゃん、さなちゃん、ありがとう") == [
        ("みゆ", "other"),
        ("さな", "other"),
    ]
    assert _children("みゆちゃん、いつもありがとう") == [("みゆ", "own")]


def test_unlisted_names_by_a_first_an_outing_or_a_childs_day() -> None:
    assert _children("うららがつかまり立ちした") == [("うらら", "own")]
    assert _children("週末はそらと動物園") == [("そら", "own")]  # a listed name that is also a word
    assert _children("週末はゆっくりとお散歩") == []
    assert _children("今日はみことの誕生日") == [("みこと", "own")]
    assert _children("かなでのピアノ発表会") == [("かなで", "own")]
    # words, not names
    assert _children("今日はおともだちと公園へ") == []
    assert _children("今日はみんなの運動会") == []
    assert _children("ひなたが丘公園で遊んだ") == []  # a place made with が


def test_a_hashtag_of_a_name_and_an_age_or_a_diary() -> None:
    assert _children("お散歩 #しゅうへい2歳") == [("しゅうへい", "own")]
    assert _children("#あおいの日常") == [("あおい", "own")]
    assert _children("#生後3ヶ月 #男の子2歳") == []
    assert _children("#こども2歳") == []
    assert _children("こどもは3歳") == []


def test_a_name_glued_to_a_relation_word_and_a_childs_drawing() -> None:
    assert _children("長女結衣、小学生になりました") == [("結衣", "own")]
    assert _children("長男煌大の入学式") == [("煌大", "own")]
    assert _children("新大和の駅") == []  # a compound, not the name 大和
    assert _children("りおなが描いた絵") == [("りおな", "own")]
    assert _children("会社が作った") == []


def test_chan_and_kun_inside_words_dolls_and_the_adverb_chanto() -> None:
    assert _children("長崎ちゃんぽん食べた") == []
    assert _children("おかたづけちゃんとできた") == []  # "properly", no honorific
    assert _children("トイレくんれん中") == []
    assert _children("リカちゃんで遊ぶ") == []  # a doll
    assert _children("ここあちゃんといっしょ") == [("ここあ", "own")]


def test_kimi_as_you_after_a_kana_word_is_no_honorific() -> None:
    assert _children("大好きな君へ") == []
    assert _children("そんな君が大好き") == []
    assert _children("陽翔君、おめでとう") == [("陽翔", "own")]


def test_grown_ups_pets_and_roles_with_chan_or_kun_are_no_children() -> None:
    assert _children("おっちゃんと話した") == []
    assert _children("ワンコくんとお散歩") == []
    assert _children("店長くんにおまけしてもらった") == []
    assert _children("あんちゃん、3歳おめでとう") == [("あん", "own")]  # 杏, a name


def test_a_name_with_an_age_year_or_relation_in_brackets() -> None:
    assert _children("ここあ（5歳・年中）と公園") == [("ここあ", "own")]
    assert _children("りおな（小2）") == [("りおな", "own")]
    assert _children("りおな(1y3m)") == [("りおな", "own")]
    assert _children("りおな（長女・5歳）") == [("りおな", "own")]
    assert _children("りおな（娘）と公園") == [("りおな", "own")]


def test_a_listed_kana_name_opening_a_sentence_before_wo_or_ni() -> None:
    assert _children("ゆいなをお迎え") == [("ゆいな", "own")]
    assert _children("ゆいなに絵本を読んだ") == [("ゆいな", "own")]
    assert _children("今日はゆいなを迎えに") == [("ゆいな", "own")]
    assert _children("今日はまいにち公園") == []


def test_the_brother_or_sister_of_another_familys_child_is_another_familys() -> None:
    assert _children("いとこのみゆちゃんの弟のたいちくん") == [("みゆ", "other"), ("たいち", "other")]
    assert _children("姉のところのたいちくん") == [("たいち", "other")]
    assert _children("田中さんのお孫さんのみゆちゃん") == [("みゆ", "other")]
    assert _children("弟のたいちと飲んだ") == []  # the poster's brother, a grown-up


def test_celebrities_full_names_and_a_grown_ups_lunch_are_no_children() -> None:
    assert _children("推しのれんくんのライブ") == []
    assert _children("俳優の横浜流星くん") == []
    assert _children("ゆかとランチ 学生時代からの親友") == []
    assert _children("年長陽翔くん") == [("陽翔", "own")]


def test_romaji_names_inside_japanese_text() -> None:
    assert _children("Yuiと公園") == [("Yui", "own")]
    assert _children("長男Kenta、小学生に") == [("Kenta", "own")]
    assert _children("今日はSotaの運動会") == [("Sota", "own")]  # そうた, the long vowel dropped
    assert _children("いとこのMioちゃんと海へ") == [("Mio", "other")]
    assert _children("Tokyoの夜景") == []
    assert _children("Costcoで買い物") == []
    assert _children("夫のKentaと飲みに") == []  # a grown-up, whatever the script


def test_a_listed_kanji_name_glued_to_a_childs_day() -> None:
    assert _children("結衣誕生日おめでとう") == [("結衣", "own")]
    assert _children("湊七五三") == [("湊", "own")]
    assert _children("大和運動公園") == []  # a park's name


def test_a_grown_ups_wedding_and_great_grandparents_are_no_children() -> None:
    assert _children("ゆみちゃんの結婚式に出席") == []
    assert _children("ひいおばあちゃん100歳") == []


def test_a_name_then_wa_then_mou_is_the_name_alone() -> None:
    assert _children("ひなたはもう5歳") == [("ひなた", "own")]


def test_friends_and_relatives_named_after_a_dot_a_bracket_or_where_they_live() -> None:
    assert _children("息子の親友・たいがくんとお揃い") == [("たいが", "other")]
    assert _children("みゆちゃんとりおちゃん（娘の同級生）とプール") == [("みゆ", "other"), ("りお", "other")]
    assert _children("近所に住むたいちくんと虫取り") == [("たいち", "other")]
    assert _children("パパ友の息子くん、けいたくんと公園") == [("けいた", "other")]
    assert _children("姪っ子ちゃん（ひまり3歳）が遊びに来た") == [("ひまり", "other")]


def test_a_name_before_a_small_childs_care() -> None:
    assert _children("りおなの寝かしつけ") == [("りおな", "own")]
    assert _children("ふたりの寝顔") == []


def test_a_letter_to_a_child_opening_a_caption() -> None:
    assert _children("ここあへ　お誕生日おめでとう") == [("ここあ", "own")]
    assert _children("未来へ、一歩ずつ") == []
    assert _children("みんなへ、ありがとう") == []


def test_a_bare_name_beside_a_child_with_an_honorific_among_peers_is_ours() -> None:
    """Among friends, classmates or cousins, the bare name is the poster's child and the name with an
    honorific another family's; without such a word ("蓮と結衣ちゃん") both stay ours."""
    assert _children("スイミングの帰り、たくみとゆいちゃんでアイス🍦") == [
        ("たくみ", "own"),
        ("ゆい", "other"),
    ]
    assert _children("そうま、あいちゃんと同じクラスになれた") == [("そうま", "own"), ("あい", "other")]
    assert _children("いとこのゆうとくんと蒼、砂場で夢中") == [("ゆうと", "other"), ("蒼", "own")]
    assert _children("蓮と結衣ちゃん、今日もなかよし") == [("蓮", "own"), ("結衣", "own")]


def test_friends_listed_with_commas_after_a_word_for_friends_are_all_another_familys() -> None:
    assert _children("娘のバレエ仲間、みさきちゃん、ゆずちゃんと発表会") == [
        ("みさき", "other"),
        ("ゆず", "other"),
    ]
    assert _children("来てくれたお友達のみんな（そうたくん、りこちゃん）ありがとう") == [
        ("そうた", "other"),
        ("りこ", "other"),
    ]


def test_a_households_neighbours_or_best_friends_child_is_another_familys() -> None:
    assert _children("ゆかさんの息子のたいちくんにおもちゃを借りた") == [("たいち", "other")]
    assert _children("隣のおうちのあやかちゃん、もう小学生") == [("あやか", "other")]
    assert _children("同じクラスにゆうとくんがいて心強い") == [("ゆうと", "other")]
    assert _children("みおちゃんち（近所）でお泊まり会") == [("みお", "other")]
    assert _children("親友の息子のかいとくん、もう3歳") == [("かいと", "other")]


def test_a_grandmother_after_a_particle_is_no_name() -> None:
    assert _children("土曜日は学童お休みでおばあちゃんと過ごした") == []


def test_a_name_after_a_childs_school_year_age_or_class_and_no() -> None:
    """小3の, 4年生の, 2歳5ヶ月の, 1歳児クラスの: the child's year or class, then the name (their own class,
    no classmate's); an event or a time after it is no name."""
    assert _children("小3のそうしろう、初めての一人でおつかい") == [("そうしろう", "own")]
    assert _children("4年生のみずほは今日も図書館へ") == [("みずほ", "own")]
    assert _children("2歳5ヶ月のりくとはブロックに夢中") == [("りくと", "own")]
    assert _children("1歳児クラスのあんなはお昼寝が上手") == [("あんな", "own")]
    assert _children("年長さんのかけっこ、みんながんばった") == []
    assert _children("2年生のとき、鉄棒が苦手だった") == []
    assert _children("年少さんの劇、かわいかった") == []


def test_and_after_a_name_read_by_a_relation_word_is_no_part_of_it() -> None:
    """長男のはやとと、: the name is はやと and と is "and"; a listed name ending in と stays whole."""
    assert _children("次女のみずきと、お友達のりょうくん") == [("みずき", "own"), ("りょう", "other")]
    assert _children("長女のはるかと、長男のそうた") == [("はるか", "own"), ("そうた", "own")]
    assert _children("長男のはるとと、次男のゆいと") == [("はると", "own"), ("ゆいと", "own")]
    assert _children("長男のりくとと、長女のあん") == [("りくと", "own"), ("あん", "own")]
    assert _children("長男のはると、公園で転んだ") == [("はると", "own")]


def test_a_younger_sibling_named_beside_an_older_one_or_with_a_year_in_brackets_is_ours() -> None:
    assert _children("お姉ちゃんの真央(小3)と弟の湊(年中)、二人でお留守番") == [
        ("真央", "own"),
        ("湊", "own"),
    ]
    assert _children("お姉ちゃんのあかりは本が好き、妹のさなは絵が好き") == [
        ("あかり", "own"),
        ("さな", "own"),
    ]
    assert _children("おにいちゃんのりくと、いもうとのここな。") == [("りくと", "own"), ("ここな", "own")]


def test_a_kanji_name_with_its_reading_in_brackets() -> None:
    """凪(なぎ): the bracketed reading marks a name, and is the same child, not a second one."""
    assert _children("凪(なぎ)、3ヶ月になりました") == [("凪", "own")]
    assert _children("うちの葵（あおい）がはじめて歩いた日") == [("葵", "own")]
    assert _children("要(かなめ)の保育園の送り迎え") == [("要", "own")]
    assert _children("お餅(もち)をたくさん食べた") == []


def test_everyday_words_cut_into_a_name_and_a_particle() -> None:
    """ずっと, なんでも, さつまいも: a word ending in と or も is no "name + and/also"; a kana name right after a
    kanji is the end of a word (借りながら, 今さら) unless a relation word is glued to it (長女りな)."""
    assert _children("今日のおやつ。さつまいもチップス") == []
    assert _children("なんでもない日のお祝い") == []
    assert _children("公園で鬼ごっこ、ずっと一緒に走ってた") == []
    assert _children("あっくん、4歳のお誕生日おめでとう") == [("あっ", "own")]
    assert _children("本を借りながら待った") == []
    assert _children("今さら、夏の写真") == []
    assert _children("長女りなと公園") == [("りな", "own")]


def test_one_kanji_of_a_grown_ups_word_or_a_time_word_is_no_name() -> None:
    assert _children("叔母として初めての入学式に参列") == []
    assert _children("三姉妹の夜はにぎやか") == []


def test_a_name_after_ours_before_no_or_a_full_stop() -> None:
    assert _children("うちのここなの笑顔に癒される") == [("ここな", "own")]
    assert _children("今日はうちのあおい。") == [("あおい", "own")]
    assert _children("うちのリビングの模様替え") == []


def test_a_nephew_or_niece_named_after_the_kinship_word_is_another_familys() -> None:
    assert _children("姪っ子のさやか、ピアノの発表会で金賞") == [("さやか", "other")]
    assert _children("甥の大和は今年で5歳") == [("大和", "other")]
    assert _children("姪っ子の七五三、着物がかわいい") == []


def test_a_name_before_an_age_in_months_a_short_school_year_or_half_years() -> None:
    assert _children("ここな8ヶ月。ずりばいで家中を移動") == [("ここな", "own")]
    assert _children("ミオ、小3の授業参観") == [("ミオ", "own")]
    assert _children("レオ(4歳半)は恐竜に夢中") == [("レオ", "own")]


def test_a_best_friend_named_right_after_the_word_is_another_familys() -> None:
    assert _children("年中の紬と、幼なじみさくらちゃん") == [("紬", "own"), ("さくら", "other")]


def test_a_listed_name_holding_no_after_and_is_read_whole() -> None:
    """(6歳)とのぞみちゃん: と, then のぞみ; not と + の + ぞみ."""
    assert _children("いとこのそうたくん(6歳)とのぞみちゃん(4歳)が来た") == [
        ("そうた", "other"),
        ("のぞみ", "other"),
    ]


def test_a_stepchild_named_after_the_word_is_ours() -> None:
    assert _children("妻の連れ子のりおと、私の娘のゆい") == [("りお", "own"), ("ゆい", "own")]


def test_hinata_a_top_ranked_name_is_read_as_one_where_it_stands_alone() -> None:
    """ひなた is listed as a name, not an everyday word: ひなたぼっこ and "ひなたで" (in the sun) stay words."""
    assert _children("ひなた、やっと自転車に乗れた！") == [("ひなた", "own")]
    assert _children("ひなたとけいくんがずっと砂場にいた、同じ保育園のお友達") == [
        ("ひなた", "own"),
        ("けい", "other"),
    ]
    assert _children("ベランダでひなたぼっこ☀️") == []
    assert _children("猫がひなたでお昼寝") == []


def test_a_listed_kanji_name_before_hiragana_with_the_particle_dropped() -> None:
    """Casual captions drop the particle: "結衣ごきげん"; a one-kanji name or one that is also a word needs it."""
    assert _children("雨の中お散歩、結衣ごきげん☔") == [("結衣", "own")]
    assert _children("プールで陽翔びしょびしょ") == [("陽翔", "own")]
    assert _children("夜空に光きらきら") == []


def test_a_nickname_after_a_particle_and_a_schools_name_in_a_hashtag() -> None:
    assert _children("水族館のペンギンにゆーくん大興奮") == [("ゆー", "own")]
    assert _children("#さくらの保育園 の運動会") == []
    assert _children("ゆいの保育園の発表会") == [("ゆい", "own")]


def test_two_listed_names_joined_by_to_opening_a_sentence() -> None:
    """あおいとひまり、: both listed, one no everyday word; "そらとうみ、" (sky and sea) is no pair of children."""
    assert _children("あおいとひまり、今日から年少さん") == [("あおい", "own"), ("ひまり", "own")]
    assert _children("そらとうみ、最高の景色") == []
    assert _children("パパとママは仕事") == []


def test_creatures_with_chan_and_a_school_year_in_brackets_are_no_names() -> None:
    assert _children("おばけちゃんの絵本が大好き") == []
    assert _children("きょうりゅうくんのパジャマ") == []
    assert _children("長男(小4)と長女(年長)の運動会") == []


def test_a_childs_place_by_toko_names_another_familys_child() -> None:
    """けいくんとこで (at Kei's place) is another family's child; ゆいちゃんと、このあと is not."""
    assert _children("けいくんとこでお泊まり") == [("けい", "other")]
    assert _children("しおりちゃんとこのママとランチ") == [("しおり", "other")]
    assert _children("ゆいちゃんとこのあと公園へ") == [("ゆい", "own")]


def test_a_listed_name_after_a_time_word_a_greeting_or_a_particle_of_from() -> None:
    """今朝のつむぎ、 / おやすみ、そうた / 朝からかんたが: diary phrasings; after a time word only a name that is no
    everyday word (今日のはな is a flower)."""
    assert _children("今朝のつむぎ、ごはんを完食") == [("つむぎ", "own")]
    assert _children("おやすみ、そうた🌙") == [("そうた", "own")]
    assert _children("朝からかんたがご機嫌😊") == [("かんた", "own")]
    assert _children("今日のはな、きれいに咲いた") == []
    assert _children("最近の悩み、寝不足") == []


def test_a_coach_a_teacher_or_an_aunt_names_other_families_children() -> None:
    cases = {
        "水泳のコーチです🏊 今日のタイム計測、ゆいちゃんが自己ベスト！": [("ゆい", "other")],
        "書道教室の先生をしています。はるきくんの字がとても上手になりました": [("はるき", "other")],
        "叔母として甥っ子の入学式へ。そうまくん、おめでとう🌸": [("そうま", "other")],
    }
    for caption, want in cases.items():
        assert sorted(_children(caption)) == want, caption
