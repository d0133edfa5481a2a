// How a message relates to the conversation before it, read from its form (not its topic).
// Each pattern is a kind of message, not a question: 「それって」 points back, 「別件」 starts anew.

/** Points back at the last answer: それって, その場合, この方, つまり…ってこと, じゃあ. */
const POINTS_BACK =
  /^(?:それ|そこ|その|そっち|そちら|この|こっち|こちら|じゃあ|じゃ[、,]|では|で[、,]|つまり|ということは|え[、,?？]|え[ー〜]?っ)|それって|そこって|その場合|そのとき|その時|そういう|ってこと|ということ|って意味|じゃないの|んじゃ|のこと[?？]?$/u;

/** Announces a new matter: 別件, ついでに, それと, ところで, あと、. */
const NEW_MATTER =
  /別件|ついでに|それと(?!も)|ところで|それとは別|話(?:は)?変わ|もう(?:一|ひと)つ|^あと[、,\s]|^あとは/u;

/** About a day or an hour (beyond the engine's own time cues): 1月3日, 18時過ぎ, 年末, 平日の朝, 土日. */
const TIME_WORDS =
  /\d{1,2}月\d{1,2}日|\d{1,2}日(?:は|から|まで|って)|\d{1,2}時|何時|年末|年始|正月|お盆|夏期|夏休み|夜|朝|平日|土日|週末|休日|祝日|連休|何日まで/u;

/** A question rather than a statement: ends asking, or asks with a question word. */
const QUESTION =
  /[?？][\s。！!]*$|(?:か|の|かな|かね|は|っけ|っす|ば|たら|なら|のか|んですか|ますか|ですか|でしょうか|どう|何|なに|なん|誰|だれ|どこ|どれ|いつ|いくら|教えて|おしえて|知りたい|しりたい)\s*[。！!]*$|どう(?:す|し|やっ|なる|なっ|扱|対応)|何を|誰に|どこに|どこで|いつまで|いつ頃|いつごろ/u;

/** Saying the patient lacks something: 持ってない, 忘れた, 見せられない. */
const LACKS = /(?:ない|無い|なかった|無かった|ません|忘れ|わすれ|持たず|もたず|できず)/u;

/** Things a patient shows at the desk (a fact about them changes the step). */
const DOCUMENT =
  /資格確認書|お知らせ|カード|保険証|医療券|マイナポータル|スマホ|書類|証明書|受給者証|認定証|マイナ|ポータル/u;

/** After a step fails: 解決しなかったら, だめなら, それでも. */
const ESCALATION =
  /解決しな|だめなら|ダメなら|駄目なら|それでも(?:だめ|ダメ|駄目|解決)|繋がらなかったら|つながらなかったら/u;

/** A yes/no check of what was just said: 「支払基金に連絡するんですか？」. */
const CONFIRMS = /(?:ん|の)(?:ですか|か|だ)[?？]?$|(?:ん|の)でしょうか[?？]?$/u;
const QUESTION_WORD = /何|なに|なん|誰|だれ|どこ|どう|いつ|どれ|いくら|どの/u;

/** Asks whom to contact: 誰に聞けば, どこに連絡. */
const ASKS_WHOM =
  /誰に|だれに|どこに(?:聞|連絡|相談|電話|問い合わせ|問合せ|頼)|どこへ|問い合わせ先|問合せ先|連絡先|相談先/u;

export const pointsBack = (norm: string) =>
  POINTS_BACK.test(norm) || (CONFIRMS.test(norm) && !QUESTION_WORD.test(norm));
export const asksWhom = (norm: string) => ASKS_WHOM.test(norm);
export const newMatter = (norm: string) => NEW_MATTER.test(norm);
export const mentionsTime = (norm: string) => TIME_WORDS.test(norm);
export const isQuestion = (norm: string) => QUESTION.test(norm);
export const isEscalation = (norm: string) => ESCALATION.test(norm);
/** 「資格確認書も持ってない」: a document the patient does not have. */
export const mentionsDocument = (text: string) => DOCUMENT.test(text);
export const lacksDocument = (norm: string) => DOCUMENT.test(norm) && LACKS.test(norm);

/** A fee named: 利用料, 通話料, 手数料 (its stem: what is paid for). */
const FEE = /(\p{Script=Han}{1,3}?)(?:料金|料)(?!理)/u;
/** Asks what something costs without naming a fee: いくら, 費用, お金. */
const ASKS_COST = /費用|有料|課金|いくら|お金/u;
const STATES_COST = /円|費用/u;
/** Asks how long or when: いつ頃, どのくらい, 何日. */
const ASKS_DURATION =
  /いつ頃|いつごろ|どのくらい|どれくらい|どれぐらい|どのぐらい|何日|何分|何時間|どの程度|何週間|何ヶ月|何か月/u;
const STATES_DURATION = /\d+\s*(?:分|時間|日|週間|か月|ヶ月|カ月|営業日)/u;

/**
 * The question asks a cost or a duration that `text` (a section of the guide) never states: the guide
 * has no answer to it, whatever the topic. A fee counts as stated when the section names that same
 * fee (「通話料」: 「通話無料」), not another one (「利用料」 is not 「通話無料」).
 */
export function asksUnstated(norm: string, text: string): boolean {
  const fee = FEE.exec(norm);
  if (fee?.[1]) {
    const stem = fee[1].slice(-2);
    if (!new RegExp(`${stem}(?:無)?料`, "u").test(text)) return true;
  } else if (ASKS_COST.test(norm) && !STATES_COST.test(text)) return true;
  return ASKS_DURATION.test(norm) && !STATES_DURATION.test(text);
}
