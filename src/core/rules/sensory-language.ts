import { z } from 'zod';
import { CODE_STAND_IN, type ProseBlock } from '../document/prose';
import type { LessonDocument } from '../document/model';
import { blockSentences, findInProse, isAllowed, sentenceAround, type Sentence } from '../prose';
import { hasCode } from '../analysis/audience';
import { titleRange } from '../analysis/structure';
import { overlaps, type OffsetRange } from '../types/range';
import { defineRule, type Report, type SharedSettings } from './rule';
import { allMatches } from '../text/matches';
import { oneLine } from '../text/pattern';

const COLOURS = [
  'red',
  'green',
  'blue',
  'yellow',
  'orange',
  'amber',
  'purple',
  'pink',
  'grey',
  'gray',
  'black',
  'white',
  'brown',
  'violet',
  'teal',
  'cyan',
  'magenta',
];
const SHAPES = ['round', 'square', 'circular', 'triangular', 'rectangular', 'oval', 'star-shaped', 'diamond-shaped'];
/** Controls on a screen that an instruction can point at. */
const CONTROLS = [
  'button',
  'key',
  'icon',
  'link',
  'checkbox',
  'arrow',
  'tab',
  'panel',
  'pane',
  'field',
  'menu',
  'dropdown',
  'toggle',
  'symbol',
  'window',
  'sidebar',
  'toolbar',
];
/** Marks and shapes: on a screen, or in a picture the lesson is about. Only "click", "tap", "press" … make them part of an instruction. */
const MARKS = [
  'x',
  'box',
  'line',
  'text',
  'circle',
  'square',
  'dot',
  'triangle',
  'bar',
  'tick',
  'cross',
  'checkmark',
  'star',
  'flag',
  'light',
  'pin',
  'glow',
];
/** Words that tell things apart by neither name nor function: "the three small buttons on the right". */
const NEUTRAL = [
  'small',
  'smaller',
  'large',
  'larger',
  'big',
  'bigger',
  'little',
  'tiny',
  'first',
  'second',
  'third',
  'last',
  'other',
  'same',
  'two',
  'three',
  'four',
  'several',
  'few',
  'bright',
  'dark',
  'light',
  'highlighted',
  'nearest',
  'flashing',
  'blinking',
  'glowing',
  'pulsing',
];
/** What an icon looks like rather than what it does: "the cog icon", "the three-dot menu", "the paper-plane button". */
const LOOKS = [
  'gear',
  'cog',
  'cogwheel',
  'pencil',
  'pen',
  'pin',
  'map pin',
  'bell',
  'magnifying glass',
  'magnifier',
  'trash can',
  'trash',
  'bin',
  'rubbish bin',
  'wastebasket',
  'plus',
  'plus sign',
  'minus',
  'hamburger',
  'kebab',
  'meatball',
  'three dots',
  'three-dot',
  'dots',
  'ellipsis',
  'paperclip',
  'paper clip',
  'paper plane',
  'paper-plane',
  'envelope',
  'padlock',
  'lock',
  'star',
  'heart',
  'house',
  'cloud',
  'funnel',
  'wrench',
  'spanner',
  'tick',
  'check mark',
  'checkmark',
  'cross',
  'arrow',
  'speech bubble',
  'flag',
  'floppy disk',
  'floppy',
  'eye',
  'lightning',
  'lightning bolt',
  'light bulb',
  'lightbulb',
  'bulb',
  'globe',
  'silhouette',
  'head',
  'person',
  'camera',
  'clock',
  'calendar',
  'folder',
  'question mark',
  'exclamation mark',
  'triangle',
  'circle',
  'square',
  'dot',
  'waffle',
  'grid',
  'hexagon',
  'shield',
  'thumbs up',
  'thumbs-up',
  'smiley',
  'stopwatch',
  'hourglass',
  'chevron',
  'caret',
  'kebab',
  'sliders',
  'slider',
  'puzzle piece',
  'rocket',
  'megaphone',
];
const DETERMINER = '(?:the|this|that|these|those)';
/** Where on the screen; not "the right position" or "on the right track", where right means correct. */
const POSITION = oneLine`
  (?:(?:on|to|at|in|towards|near)\s+the\s+(?:(?:very|far)\s+)?(?:(?:top|bottom|upper|lower)[-\s]+)?(?:left|
  right)(?![-\s]+(?:track|path|position|place|foot|answer|way|direction|time|lines?|building|entrance|door|address|room|ward|team|
  person|people|department|desk|bay|site|floor|level|queue|bin|tray|shelf|one|ones|customer|patient)\b)(?:[-\s]+hand)?(?:[-\s]+(?:side|
  corner|edge))?(?:\s+of\b)?|(?:in|at|on)\s+the\s+(?:top|bottom)(?:\s+(?:corner|
  edge))?(?:\s+of\s+the\s+(?:screen|page|window))?)`;
const POSITION_ADJECTIVE = '(?:(?:top|bottom|upper|lower)[-\\s]+)?(?:left|right)(?:[-\\s]+hand)?(?:[-\\s]+most)?|(?:top|bottom)[-\\s]?most';
/** Verbs that only make sense on a screen. */
const POINTING = new RegExp(
  oneLine`
    \b(?:(?:double-|right-)?click(?:s|ing|ed)?|tap(?:s|ping)?|press(?:es|ing)?|hit(?:s|ting)?|push(?:es|ing)?|hover(?:s|ing)?|
    drag(?:s|ging)?)\b`,
  'i',
);
const INSTRUCTION = new RegExp(
  oneLine`
    \b(?:(?:double-|right-)?click(?:s|ing|ed)?|tap(?:s|ping)?|press(?:es|ing)?|hit(?:s|ting)?|push(?:es|ing)?|hover(?:s|ing)?|
    drag(?:s|ging)?|select(?:s|ing)?|choos(?:e|es|ing)|pick|toggle|tick|find|locate|look\s+for|open(?:s|ing)?|go\s+to|navigate|scroll|
    us(?:e|es|ing)|head(?:s|ing)?\s+(?:for|towards?)|follow(?:s|ing)?|walk(?:s|ing)?\s+(?:to|towards?)|ignore|enter|type|write|
    take|put|move|bring|grab|
    read)\b`,
  'i',
);
/** A name right after the thing: `the green button "Run"`, `the icon labelled Settings`, `the button (**Save**)`. */
const NAMED_AFTER = new RegExp(
  `^\\s*(?:[,(]\\s*)?(?:["'“‘*_\`${CODE_STAND_IN}]|` +
    oneLine`
      (?:labell?ed|named|called|marked|titled|that\s+(?:says|reads)|which\s+(?:says|reads)|
      with\s+the\s+(?:text|label|name|title|words?))\b)`,
  'iu',
);
/** Words in capitals printed on the thing: `a blue tag printed HOUSE 3 ONLY`, `a green tag insert printed SAFE FOR USE`. */
const PRINTED_AFTER = /^\s*(?:[\p{L}-]+\s+)?(?:printed|stamped|stencill?ed|embossed)\s+(?:with\s+)?["“]?\p{Lu}{2,}(?!\p{Ll})/u;

/** Whether the text right after a thing names it (see {@link NAMED_AFTER} and {@link PRINTED_AFTER}). */
function namedAfter(text: string): boolean {
  return NAMED_AFTER.test(text) || PRINTED_AFTER.test(text);
}

/** Quoted text, code, bold or italics, a key: something in the sentence is named, so a position is only a hint where to look. */
const LABEL_IN_SOURCE = /["“”`]|\*\*|__|(?<![\w*])\*(?!\s)[^*\n]+\*|(?<!\w)_[^_\n]+_(?!\w)|(?<!\w)'[^'\n]+'(?!\w)|‘[^’\n]+’|<kbd>/;

const words = (list: readonly string[]) => list.map((word) => word.replace(/[-\s]/g, '[-\\s]')).join('|');
const nouns = (list: readonly string[]) => `(?:${list.map((noun) => `${noun}(?:e?s)?`).join('|')})`;
/** An icon named by what it pictures ("the grey padlock", "the small cog") is a control too; "the yellow bin" may be a real one. */
const PICTURED = [
  'gear',
  'cog',
  'cogwheel',
  'padlock',
  'hamburger',
  'kebab',
  'meatball',
  'ellipsis',
  'paperclip',
  'magnifier',
  'funnel',
  'chevron',
  'caret',
  'sliders',
  'waffle',
];
const NOUN = nouns([...CONTROLS, ...MARKS, ...PICTURED]);
const CONTROL = new RegExp(`${nouns([...CONTROLS, ...PICTURED])}$`, 'i');
const NOUN_AT_END = new RegExp(`${NOUN}$`, 'i');
const MODIFIERS = `(?:(?:${words(NEUTRAL)})\\s+)*`;
/** A word between the colour and the thing: "the blue pin icon"; when capitalised, it is the thing's name ("the green Save button"). */
const PLAIN_WORD = '(?:[\\p{L}-]+\\s+)?';
const NAME_BEFORE_NOUN = /\s\p{Lu}[\p{L}-]*\s+\S+$/u;
const COLOUR_ONLY = new RegExp(
  oneLine`
    \b${DETERMINER}\s+${MODIFIERS}(?:(?:${words(COLOURS)})(?:ish)?|${words(SHAPES)})(?:[-\s]+(?:colou?red|
    shaped))?\s+${PLAIN_WORD}${NOUN}\b`,
  'giu',
);
const ICON_NOUN = nouns(['icon', 'symbol', 'button', 'badge', 'logo', 'menu']);
const LOOK_ONLY = new RegExp(
  oneLine`
    \b${DETERMINER}\s+${MODIFIERS}(?:(?:${words(COLOURS)})\s+)?(?:${words(LOOKS)})(?:[-\s]+(?:shaped|style|
    like))?[-\s]+${ICON_NOUN}\b(?:\s+(?:that\s+is\s+|located\s+)?${POSITION})?`,
  'giu',
);
const POSITION_ONLY = new RegExp(
  `\\b${DETERMINER}\\s+${MODIFIERS}${NOUN}\\s+(?:(?:that\\s+is|which\\s+is|located|placed|found)\\s+)?${POSITION}`,
  'giu',
);
/** "the left pane", "the top-right menu", "the right pane"; not "the right line" or "the right button": a bare "right" means correct. */
const BARE_RIGHT = String.raw`right\s+(?!(?:pane|panel|sidebar|column|side|window|toolbar)s?\b)`;
const POSITION_BEFORE = new RegExp(`\\b${DETERMINER}\\s+${MODIFIERS}(?!${BARE_RIGHT})(?:${POSITION_ADJECTIVE})\\s+${NOUN}\\b`, 'giu');

/** "A green tick means it was approved", "the red dot shows…": a meaning carried by colour alone (WCAG 1.4.1), in any sentence. */
const MARK_NOUN = nouns([
  'tick',
  'dot',
  'cross',
  'icon',
  'flag',
  'light',
  'bar',
  'circle',
  'badge',
  'label',
  'highlight',
  'border',
  'background',
  'row',
  'cell',
  'mark',
  'symbol',
  'status',
  'text',
  'line',
  'banner',
  'pin',
  'clock',
  'star',
  'bell',
  'arrow',
  'square',
  'triangle',
  'shield',
]);
const COLOUR_MEANS = new RegExp(
  oneLine`
    \b(?:a|an|the|any)\s+(?:${words(COLOURS)})(?:[-\s]+colou?red)?\s+(?:[\p{L}-]+\s+)?${MARK_NOUN}\b(?=[^.!?]{0,60}\b(?:means?|
    indicates?|signals?|tells?\s+you|stands?\s+for|warns?)\b)`,
  'giu',
);
/** "Anything showing in red needs your attention", "a claim shown in amber means it is late": a state told by colour alone. */
const SHOWN_IN_COLOUR = new RegExp(
  oneLine`
    \b(?:show(?:s|n|ing)?|displayed|appears?|appearing|highlighted|marked|flagged|turns?|turned|goes|went|
    glows?)\s+(?:up\s+)?in\s+(?:${words(COLOURS)})\b(?=[^.!?]{0,60}\b(?:needs?|means?|requires?|indicates?|must|should|has|have|
    contains?|
    is\s+(?:overdue|late|urgent|wrong|due)|(?:is|are)\s+(?:taken|full|free|booked|closed|available|unavailable|occupied|reserved|
    empty))\b)|\b(?:the\s+ones?|those|only\s+the\s+ones?)\s+(?:showing|shown\s+in|marked\s+in|highlighted\s+in)\s+(?:${words(COLOURS)})\b`,
  'giu',
);
/** "The refund tab is the one with the orange dot": which one, told by a coloured mark. */
const ONE_WITH_COLOUR = new RegExp(
  oneLine`
    \bthe\s+one\s+(?:with|that\s+has|that\s+shows|marked\s+with|showing)\s+(?:a|an|
    the)\s+(?:${words(COLOURS)})(?:[-\s]+colou?red)?\s+(?:[\p{L}-]+\s+)?${MARK_NOUN}\b`,
  'giu',
);
/** "An alert shows as a red triangle", "dents go down as blue squares": what a mark means, told by its colour and shape. */
const SHOWN_AS_MARK = new RegExp(
  oneLine`
    \b(?:shows?|shown|appears?|displayed|prints?|printed|comes?\s+up|goes|go|flagged|recorded|drawn)\s+(?:up\s+|down\s+)?
    (?:as|with)\s+(?:an?\s+)?(?:${words(COLOURS)})(?:[-\s]+colou?red)?\s+(?:[\p{L}-]+\s+)?(?:${MARK_NOUN}|circles?|squares?|
    triangles?|crosses?)\b`,
  'giu',
);
/**
 * "Late entries show up in amber", "late patients show in red on the book", "rows shaded amber": a state told by colour alone,
 * whatever follows.
 */
const SHOWS_UP_IN_COLOUR = new RegExp(
  oneLine`
    \b(?:shows?|showing)\s+up\s+in\s+(?:${words(COLOURS)})\b|\b(?:show|shown|appears?|displayed)\s+in\s+(?:${words(COLOURS)})\s+
    (?:on|in)\s+the\b|\b(?:shaded|highlighted)\s+(?:in\s+)?(?:${words(COLOURS)})\b`,
  'giu',
);
/** "Take the ones with the green tags", "the one with the grey handles", "bins are the yellow ones": which one, told by its colour. */
const ONES_WITH_COLOUR = new RegExp(
  oneLine`
    \bthe\s+ones?\s+(?:with|that\s+(?:has|have)|marked\s+with)\s+(?:a|an|the)\s+(?:${words(COLOURS)})(?:[-\s]+colou?red)?\s+
    [\p{L}-]+|
    \b(?:are|is)\s+the\s+(?:${words(COLOURS)})\s+ones?\b`,
  'giu',
);
/** "Lower the bed using the blue handle": a physical control told by its colour alone. */
const BY_COLOURED_CONTROL = new RegExp(
  oneLine`
    \b(?:using|with|via|by\s+(?:pulling|pressing|turning|lifting))\s+the\s+(?:${words(COLOURS)})\s+(?:[\p{L}-]+\s+)?(?:levers?|
    handles?|switch(?:es)?|buttons?|keys?|knobs?|cords?|valves?|pedals?|dials?|taps?|triggers?)\b`,
  'giu',
);
/** "The spare batteries are in the round tin": a container told by its shape alone. */
const SHAPED_CONTAINER = new RegExp(
  String.raw`\b(?:in|into|from|inside)\s+the\s+(?:${words(SHAPES)})\s+(?:case|box|tray|bin|container|bag|tub|pouch|holder|tin|basket)s?\b`,
  'giu',
);
/** "Any claim with an orange clock beside it is late": a state told by a coloured mark beside the thing. */
const WITH_COLOUR_MARK = new RegExp(
  oneLine`
    \b(?:with|has|have|showing|shows)\s+(?:a|an)\s+(?:${words(COLOURS)})(?:[-\s]+colou?red)?\s+(?:[\p{L}-]+\s+)?${MARK_NOUN}\s+
    (?:beside|next\s+to|by|against|in\s+front\s+of)\s+(?:it|them)\b`,
  'giu',
);
/** Where the thing is: "the light *on the charger*", "tiles *in the rota*". */
const PLACE = String.raw`(?:\s+(?:on|in|of|at)\s+(?:the\s+|your\s+)?[\p{L}-]+)?`;
/** Where the thing is: "the light *next to the dispatch key*", "the bar *on the front display*". */
const NEAR_PLACE = oneLine`
  (?:\s+(?:on|in|of|at|next\s+to|beside|above|below|under|by|over)\s+(?:the\s+|your\s+|each\s+)?(?:[\p{L}-]+\s+){0,4}?[\p{L}-]+)?`;
/** How a colour is said to look: "turns solid red", "glows a dull orange". */
const SHADE = String.raw`(?:(?:a|an)\s+)?(?:(?:solid|steady|constant|bright|dull|pale|deep|dark|light|clear|flashing)\s+)?`;
/** What shows a state on a screen or a device: "the light", "the flag", "the booking" (in a calendar). */
const INDICATOR = oneLine`
  light|lamp|LED|indicator|screen|display|status(?:\s+bar)?|icon|button|bar|strip|box|field|tile|row|cell|dot|badge|panel|tab|banner|
  ring|beacon|flag|tick|circle|square|pin|marker|card|booking|entry|record|shield|symbol|bubble|border|outline|logger|tag|label|
  sticker|needle|reading|readout|gauge|dial|meter|flame|tip|number`;
/**
 * "Wait until the light turns green", "the hook that lights up green", "when the light next to the key turns green", "the display stops
 * flashing and the light turns green": a state told by a change of colour alone; "if the light beside the door is red": a lamp's
 * colour.
 */
const COLOUR_CHANGE = new RegExp(
  oneLine`
    \b(?:until|when|once|if|as\s+soon\s+as|after|and|wait\s+for)\s+(?:it|(?:the|a|an|its|your)\s+(?:[\p{L}'’-]+\s+){0,2}?(?:${INDICATOR})
    ${NEAR_PLACE})\s+(?:to\s+(?:turn|go|change\s+to)|turns?|goes|changes?\s+to|flashes|glows?|lights?\s+up|shows|pulses|blinks|
    (?:has|have)\s+(?:turned|gone|changed\s+to)|(?:starts?|begins?)\s+(?:pulsing|flashing|blinking|glowing)|(?:stays?|remains?))\s+
    ${SHADE}(?:${words(COLOURS)})(?:ish)?\b|
    \b(?:until|when|once|if|as\s+soon\s+as)\s+(?:the|a|an|its|your)\s+(?:[\p{L}'’-]+\s+){0,2}?[\p{L}-]+\s+(?:flashes|blinks|
    pulses|glows|lights\s+up)\s+(?:${words(COLOURS)})\b|
    \b(?:until|when|once|if|as\s+soon\s+as)\s+(?:anything|something|(?:the|a|an|any|its|your)\s+(?:[\p{L}'’-]+\s+){0,2}?
    [\p{L}-]+)${NEAR_PLACE}\s+(?:is|are)\s+lit\s+(?:up\s+)?(?:in\s+)?(?:${words(COLOURS)})\b|
    \b(?:the|a|an)\s+[\p{L}-]+\s+(?:that|which)\s+(?:turns?|goes|lights?\s+up|flashes|glows?)\s+(?:${words(COLOURS)})\b|
    \b(?:until|when|once|if|as\s+soon\s+as)\s+(?:the|a|an|its|your)\s+(?:[\p{L}-]+\s+){0,2}?(?:light|lamp|LED|indicator|
    beacon)${NEAR_PLACE}\s+(?:is|are)\s+(?:(?:flashing|glowing|showing|lit)\s+)?(?:${words(COLOURS)})\b|
    \b(?:the|a|an|its|your)\s+(?:[\p{L}'’-]+\s+){0,2}?(?:${INDICATOR})\s+(?:turns|goes|changes\s+to|flashes|pulses|
    blinks)\s+(?:${words(COLOURS)})\b|
    \b(?:show|shows|get|gets)\s+(?:a|an)\s+(?:${words(COLOURS)})\s+(?:outline|border|highlight|background|frame)\b`,
  'giu',
);
/**
 * "If the logger shows a red light", "when the tool shows a green tick", "if you see the blue sticker", "accounts flagged with the
 * orange shield", "green means paid": a state told by a coloured mark alone.
 */
const COLOURED_SIGNAL = new RegExp(
  oneLine`
    \b(?:if|when|once|until|as\s+soon\s+as)\s+(?:the|a|an|its|your)\s+(?:[\p{L}'’-]+\s+){0,6}?[\p{L}-]+\s+(?:shows?|displays?|
    gives?)\s+(?:a|an)\s+(?:(?:flashing|steady|solid|blinking|constant|pulsing)\s+)?(?:${words(COLOURS)})\s+(?:light|tick|cross|dot|
    flag|mark|LED|symbol|icon|bar|circle|square|triangle|border)s?\b|
    \b(?:if|when|once|until|as\s+soon\s+as)\s+(?:the|a|an)\s+(?:${words(COLOURS)})\s+(?:light|lamp|LED|indicator|beacon|warning\s+
    light)\s+(?:[\p{L}-]+\s+){0,4}?(?:comes?\s+on|lights?\s+up|goes\s+(?:out|off)|flashes|is\s+(?:on|lit))\b|
    \b(?:follow|line\s+(?:it\s+)?up\s+with|match(?:\s+it)?\s+to)\s+the\s+(?:${words(COLOURS)})\s+(?:[\p{L}-]+\s+)?(?:marks?|
    markings?|lines?|arrows?|dots?|guides?|tape|labels?|stickers?|tags?)\b|
    \b(?:if|when|once)\s+you\s+(?:see|spot|notice|get)\s+(?:a|an|the)\s+(?:${words(COLOURS)})\s+(?:sticker|label|tag|light|dot|
    mark|tick|cross|symbol|icon|card|band|stripe|lid)s?\b|
    \b(?:flagged|marked|tagged)\s+(?:with|by)\s+(?:a|an|the)\s+(?:${words(COLOURS)})\s+(?:shield|flag|dot|tick|mark|star|icon|
    symbol|sticker|label|tag|badge|pin)s?\b|
    (?:^|(?<=[:;,(–—]\s{0,3}))(?:${words(COLOURS)})\s+(?:means|indicates|signals|stands\s+for)\b`,
  'giu',
);
/** "If the needle on the gas gauge is in the red": a reading told by the coloured band it points at. */
const IN_COLOURED_BAND = new RegExp(
  oneLine`
    \b(?:needle|pointer|arrow|gauge|dial|meter|reading|indicator)${NEAR_PLACE}\s+(?:is|goes|gets|moves|drops|falls|sits|creeps|
    points)\s+(?:in|into|to|at)\s+the\s+(?:${words(COLOURS)})(?:\s+(?:zone|area|band|section|segment|mark))?\b`,
  'giu',
);
/** "Green rows are paid; red rows are overdue": a state told by the colour of a row or a mark. */
const COLOUR_STATE = new RegExp(
  oneLine`
    (?<![\p{L}-]\s+)\b(?:${words(COLOURS)})\s+(?:rows?|cells?|items?|entries|tiles?|dots?|ticks?|icons?|labels?|badges?|pins?|markers?|
    cards?)${PLACE}\s+(?:are|is|mean|means|show|shows)\s+\p{L}+`,
  'giu',
);
/** "Move any tub with a green dot sticker", "anything with the red flag icon goes first": which ones, told by a coloured mark. */
const ANY_WITH_COLOUR = new RegExp(
  oneLine`
    \b(?:any|every|each|anything|everything)(?:\s+[\p{L}-]+)?\s+(?:with|showing|marked\s+with|that\s+has)\s+(?:a|an|the)\s+
    (?:${words(COLOURS)})(?:[-\s]+colou?red)?\s+(?:[\p{L}-]+\s+)?(?:${MARK_NOUN}|stickers?|lids?|tags?|caps?|bands?|stripes?)\b`,
  'giu',
);
/** In an instruction: "use the jug with the yellow lid", "ignore any digits in the red box". */
const PART_IN_COLOUR = new RegExp(
  oneLine`
    \bthe\s+[\p{L}-]+\s+with\s+(?:a|an|the)\s+(?:${words(COLOURS)})\s+(?:lid|cap|top|label|sticker|tag|handle|band|
    stripe)s?\b|\b(?:in|into|inside|from|under)\s+the\s+(?:${words(COLOURS)})\s+(?:box|field|area|column|section|square|circle|
    zone)\b`,
  'giu',
);
/** "If the snowflake-shaped light comes on": a warning told by its shape or colour alone. */
const LIGHT_BY_LOOK = new RegExp(
  oneLine`
    \b(?:if|when|once|until)\s+(?:the|a|an)\s+(?:[\p{L}-]+[- ]shaped|(?:${words(COLOURS)}))\s+(?:warning\s+)?(?:light|lamp|
    symbol|icon)\s+(?:comes\s+on|lights\s+up|flashes|appears|shows)\b|\bwait\s+(?:for|until\s+you\s+see)\s+(?:the|a)\s+
    (?:${words(COLOURS)})\s+(?:warning\s+)?(?:light|lamp|LED|indicator|symbol|icon)\b`,
  'giu',
);
/**
 * Things on the floor, the wall or the bench that a workplace tells apart by colour: "stay behind the yellow line", "put it in one of
 * the pink slots", "amber tiles can wait".
 */
const PHYSICAL = nouns([
  'tile',
  'slot',
  'line',
  'sign',
  'sticker',
  'tag',
  'lid',
  'tray',
  'bin',
  'box',
  'crate',
  'folder',
  'lamp',
  'light',
  'lever',
  'handle',
  'key',
  'card',
  'band',
  'wristband',
  'lanyard',
  'cone',
  'tape',
  'bag',
  'tub',
  'cloth',
  'board',
  'bucket',
  'container',
  'cylinder',
  'valve',
  'switch',
  'plug',
  'socket',
  'cable',
  'pipe',
  'hose',
  'door',
  'zone',
  'mat',
  'rope',
  'barrier',
  'marker',
  'stripe',
  'jug',
  'cap',
  'clip',
  'peg',
  'form',
  'sheet',
  'envelope',
  'file',
  'trolley',
  'cabinet',
  'drawer',
  'shelf',
  'shelve',
  'rack',
  'hook',
  'wire',
  'pen',
  'label',
  'side',
  'face',
  'strike-through',
  'strikethrough',
  'nozzle',
  'bollard',
  'post',
  'buoy',
  'bay',
  'seal',
  'tin',
  'pouch',
  'wallet',
  'basket',
  'sack',
  'bottle',
  'kit',
  'vest',
  'jacket',
  'helmet',
  'glove',
  'one',
]);
const PHYSICAL_BY_COLOUR = new RegExp(
  oneLine`
    (?:(?<=(?:^|[;:(]|[.!?,]\s)\s{0,3})|\b(?:the|a|an|one\s+of\s+the|any|all|each|every)\s+|\b(?:marked|lined|flagged|
    tagged|labelled|labeled|coded)\s+(?:with|by|in)\s+(?:the\s+|a\s+|an\s+)?)${MODIFIERS}
    (?:${words(COLOURS)})(?:[-\s]+colou?red|-(?:lidded|topped|handled|capped|striped))?\s+(?:(?:flashing|blinking|glowing|painted|
    striped|plastic|metal|rubber|wooden|round|square|flat|mushroom|small|large|big|little|long|short|tall|thick|thin|floor|wall|
    warning|safety)\s+)?${PHYSICAL}\b`,
  'giu',
);
/** Where to go, put or stay: an instruction about a place or a thing in it, beyond INSTRUCTION's verbs. */
const PLACING = new RegExp(
  oneLine`
    \b(?:put|place|drop|file|store|keep|stay|stand|wait|go|guide|send|direct|leave|hang|stick|attach|fill|empty|pull|push|turn|
    lift|use|take|bring|move|check|look\s+for|find|choose|pick|grab|open|close|press|hit|flip|tick|flag|mark|sort|can\s+wait|hold|
    raise|wave|park|steer|reverse|secure|fasten|clamp|tip|clip|wear|wearing|fetch|carry|collect|hand|load|stack|comes?\s+(?:from|
    out\s+of)|
    (?:is|are)\s+(?:kept\s+|stored\s+|filed\s+)?(?:in|on|inside|behind|under|next\s+to)\s+the)\b`,
  'i',
);
/** "a red flag", "get the green light": figures of speech, not things told apart by colour ("the green light on the box" is a lamp). */
const IDIOM = new RegExp(
  oneLine`
    \b(?:red\s+flags?|green\s+light(?!\s+(?:on|above|beside|next\s+to)\s)|red\s+tape|grey\s+areas?|gray\s+areas?|white\s+papers?|
    black\s+box|white\s+box|red[-\s]black)\b`,
  'i',
);
const TITLE_CASE_END = /\p{Lu}[\p{Ll}-]*\s+\p{Lu}[\p{Ll}-]*$/u;
/** "a long continuous tone", "two short beeps", "an intermittent tone means stand by": a signal told by how it sounds. */
const SOUND_SIGNAL = new RegExp(
  oneLine`
    \b(?:long|short|continuous|intermittent|steady|pulsing|rapid|slow|single|double|triple|two|three|repeated|high[- ]pitched|
    low[- ]pitched|loud|warbling|rising|falling)\s+(?:(?:continuous|intermittent|steady|short|long|loud|high|low)\s+)?(?:tones?|beeps?|
    bleeps?|chimes?|buzz(?:es)?|sirens?|whistles?|blasts?|bells?|rings?)\b`,
  'giu',
);
/** "When you hear the beep", "listen for two short beeps": a device's sound as the only cue. */
const SOUND_ONLY = new RegExp(
  oneLine`
    \b(?:(?:when|once|until|after|if|as\s+soon\s+as)\s+you\s+hear|listen\s+(?:out\s+)?for|wait\s+for)\s+(?:[\p{L}-]+\s+){0,3}?
    (?:(?:beeps?|bleeps?|chimes?|tones?|buzz(?:es|er)?|pings?|dings?|sirens?|bells?|whistles?|horns?|hooters?|
    klaxons?)\b(?!\s+of\b)|(?<=\b(?:the|a|an)\s+)(?:clicks?|clunks?|toots?|
    hoots?|snaps?|thuds?|hiss|cracks?|pops?|bangs?)\b(?!\s+(?:events?|handlers?|listeners?)\b))|
    \b(?:if|when|once|until)\s+(?:it|the\s+(?:[\p{L}-]+\s+)?[\p{L}-]+)\s+(?:sounds|starts\s+to\s+sound)\s+(?:like|different|
    louder|quieter|higher|lower)\b|
    \b(?:toots|hoots|honks|beeps|will\s+(?:toot|hoot|honk|beep|sound\s+(?:the|their|its)\s+horn))\s+(?:twice|once|three\s+times|
    two\s+times)\b|
    \b(?:when|once|until|after|if|as\s+soon\s+as)\s+you\s+hear\s+(?:the|a|an|it|its)\s+(?:[\p{L}-]+\s+){0,2}?(?:change|drop|
    rise)s?\s+(?:in\s+)?(?:pitch|note|tone)\b|
    \b(?:when|once|until|after|if|as\s+soon\s+as)\s+you\s+hear\s+the\s+(?:pitch|note|tone|sound)\s+(?:of\s+(?:the|a|an|your)\s+
    (?:[\p{L}-]+\s+){0,2}?)?(?:change|drop|rise|fall)s?\b|
    \b(?:if|when|once|until|after|as\s+soon\s+as)\s+(?:it|(?:the|a|an|your)\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)\s+
    (?:beeps|bleeps|chimes|buzzes|pings|dings|(?:starts|begins)\s+(?:to\s+(?:beep|bleep|chime|buzz|ping|ding|sound|whine|squeal|
    screech|rattle|knock|grind|hum|hiss)|beeping|bleeping|chiming|buzzing|pinging|sounding|whining|squealing|screeching|rattling|
    knocking|grinding))\b|
    \b(?:if|when|once|until|after|as\s+soon\s+as)\s+(?:the|a|an|your)\s+(?:[\p{L}-]+\s+){0,2}?(?:bell|buzzer|horn|hooter|
    klaxon)\s+(?:sounds|goes(?:\s+off)?|rings|stops)\b|
    \b(?:the|a|an|its|your)\s+(?:[\p{L}-]+\s+)?(?:tones?|beeps?|bleeps?|beeping|bleeping)\s+(?:goes|turns|becomes|changes\s+to|gets)\s+
    (?:continuous|steady|solid|constant|faster|quicker|rapid|higher|lower|louder)\b|
    \b(?:if|when|once|until|after|as\s+soon\s+as)\s+(?:it|(?:the|a|an|your)\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)\s+(?:stops|starts)\s+
    (?:humming|buzzing|beeping|bleeping|whirring|rattling|hissing|clicking|ticking|ringing|chiming)\b|
    \b(?:when|once|until|after|as\s+soon\s+as)\s+you\s+hear\s+(?:the|it|its)\s+(?!(?:[\p{L}-]+\s+)?(?:alarm|siren|announcement|
    call|bell|whistle|horn)s?\b)(?:[\p{L}-]+\s+){0,5}?(?:start|stop|fire|roar|click|clunk|hiss|kick\s+in|cut\s+out|slow\s+down|
    speed\s+up|go\s+quiet|die\s+down)s?\b`,
  'giu',
);
// Not "when you hear the alarm": a fire alarm is everyone's cue, and has its beacons.
const SOUND_WORD = new RegExp(
  oneLine`
    beep|bleep|chime|tone|buzz|ping|ding|sounding|pitch|blast|hear|listen|toot|hoot|honk|horn|sounds\s|humming|whirring|rattl|
    hissing|ticking|whin|squeal|screech|grind|knock|hum\b|hiss|bell|klaxon`,
  'i',
);
/** A sound cue with something to see as well: "when you hear the beep and the screen shows Approved". */
const SEEN_TOO = new RegExp(
  oneLine`
    ["“”${'`'}]|\b(?:message|screen|display|light|lamp|flash\p{L}*|vibrat\p{L}*|shows?|see|sees|appears?|read\s+(?:the|its|your)\s+
    (?:number|reading|result|figure|value))\b`,
  'iu',
);
/** What a screen, a form or a board shows a state with: "the amber banner", "a red asterisk", "the grey standby lane". */
const SHOWN_THING = nouns([
  ...['banner', 'border', 'highlight', 'asterisk', 'exclamation mark', 'block', 'lane', 'flag', 'light', 'icon', 'button', 'tick'],
  // Not "cell": "red cells" are blood.
  ...['dot', 'row', 'box', 'field', 'tile', 'bar', 'badge', 'tab', 'text', 'entry', 'status', 'outline'],
  ...['background', 'marker', 'label', 'sticker', 'tag', 'symbol', 'arrow', 'circle', 'square', 'triangle', 'cross', 'star', 'pin'],
  ...['bubble', 'card', 'column', 'zone', 'area', 'section', 'screen'],
]);
/**
 * In a lesson without code, any sentence: a thing told by its colour ("look for the yellow banner", "fields with a red asterisk"),
 * or a state it is marked with or changes to ("the banner is amber", "any row the macro shades red", "tutors flagged in orange",
 * "the light goes solid green"); not a leaf that turns brown.
 */
const COLOURED_THING = new RegExp(
  oneLine`
    (?<![\p{L}-])(?:${words(COLOURS)})(?:\s+[\p{L}-]+)?\s+${SHOWN_THING}(?![\p{L}])|
    ${SHOWN_THING}(?:\s+[\p{L}-]+){0,2}?\s+(?:is|are)\s+(?:${words(COLOURS)})(?![\p{L}])|
    (?<![\p{L}-])(?:shade[sd]|flag(?:s|ged)|mark(?:s|ed)|highlight(?:s|ed)|colou?r(?:s|ed))\s+(?:in\s+)?
    (?:(?:solid|bright|dark|light|pale)\s+)?(?:${words(COLOURS)})(?![\p{L}])|
    (?:${SHOWN_THING}|record|account|order|claim|booking|request|ticket|case|job|item|task|line)(?:\s+[\p{L}-]+){0,2}?\s+(?:to\s+)?
    (?:turns?|turned|goes|go|gone|went|shows?|appears?|stays?|becomes?)\s+(?:(?:solid|bright|dark|light|pale|flashing|steady)\s+)?
    (?:${words(COLOURS)})(?![\p{L}])`,
  'giu',
);

/** "the yellow quarantine tag", "a red warning light": a word between the colour and the thing says what it means. */
const NAMED_BETWEEN = new RegExp(
  oneLine`
    (?<![\p{L}-])(?:${words(COLOURS)})\s+(?:quarantine|warning|danger|hazard|caution|reject(?:ed)?|hold|stop|recall|
    do-not-use|faulty|damaged|urgent|overdue|approved|declined|referred|paid|unpaid)\s`,
  'iu',
);

/**
 * What the other patterns leave, in a lesson without code: a thing or a state on a screen told by colour (see {@link COLOURED_THING}),
 * once per paragraph; the caller passes only paragraphs nothing else reported.
 */
function reportColouredThings(doc: LessonDocument, block: ProseBlock, settings: SharedSettings, report: (found: Report) => void): void {
  // A table of colours sets each beside its meaning.
  if (block.kind === 'cell' || !COLOUR_WORD.test(block.text)) return;
  // "Account buyers carry yellow cards …; the letter is printed in large type on both": the paragraph names them otherwise.
  if (PRINTED_ON_IT.test(block.text)) return;
  for (const sentence of blockSentences(block)) {
    if (LABEL_IN_TEXT.test(sentence.text) || TRAFFIC.test(sentence.text) || WORD_IN_CAPITALS.test(sentence.text)) continue;
    // "What does the yellow sticker say?": a quiz asks about the thing; the lesson has said what it reads.
    if (/\?\s*$/.test(sentence.text)) continue;
    const source = block.sourceRange(sentence.start, sentence.end);
    // A label anywhere in the sentence: "the amber lamp lights, and the console displays **DOUBLE DETECT**".
    if (namedNear(doc.text, source, source)) continue;
    for (const match of allMatches(COLOURED_THING, sentence.text)) {
      const after = match.index + match[0].length;
      if (!asColour(match.index, match[0])) continue;
      if (IDIOM.test(sentence.text.slice(match.index, after + 10)) || TITLE_CASE_END.test(match[0]) || isAllowed(settings, match[0]))
        continue;
      if (NAMED_BETWEEN.test(match[0])) continue;
      const range = block.sourceRange(sentence.start + match.index, sentence.start + after);
      if (namedNear(doc.text, range, source) || namedAfter(sentence.text.slice(after, after + 40))) continue;
      report({
        ...range,
        message:
          `Unexpected "${match[0].replace(/\s+/g, ' ')}" whose meaning is carried by colour alone, ` +
          `expected a word or label that says it too.`,
      });
      break;
    }
  }
}

/** "Colour and contrast", "Red-black trees": a lesson whose title names colours talks about them, not by them. */
function aboutColour(doc: LessonDocument): boolean {
  const title = titleRange(doc);
  if (COLOUR_TOPIC.test(doc.text.slice(title.start, title.end))) return true;
  // Or a lesson about colour, untitled ("Accessible colors" is its file's name): it says "colour" again and again.
  let mentions = 0;
  for (const block of doc.prose) mentions += block.text.match(COLOUR_NOUN)?.length ?? 0;
  return mentions >= COLOUR_TOPIC_MENTIONS;
}

const COLOUR_NOUN = /\bcolou?rs?\b/gi;
const COLOUR_TOPIC_MENTIONS = 5;

const COLOUR_TOPIC = new RegExp(`\\b(?:colou?rs?|contrast|${words(COLOURS)})\\b`, 'i');

/** The colour in a match is written as one: not in capitals ("AMBER", a name) nor capitalised inside a sentence ("Cyan"). */
function asColour(at: number, matched: string): boolean {
  const colour = COLOUR_WORD.exec(matched);
  if (!colour) return true;
  const word = colour[0];
  if (word === word.toLowerCase()) return true;
  return at + colour.index === 0 && word.slice(1) === word.slice(1).toLowerCase();
}

/** A paragraph that says what is printed or written on the things it colours. */
const PRINTED_ON_IT = /\b(?:printed|labell?ed|the\s+(?:letter|word|words|label)s?\s)/i;
/** A word printed on the thing, in capitals: "the yellow DISINFECTED sticker". */
const WORD_IN_CAPITALS = /(?<![\p{L}\p{N}])\p{Lu}{3,}(?:\s+\p{Lu}{2,})*(?![\p{L}\p{N}])/u;

/** Traffic lights change colour for everyone on the road; a lesson on driving names them so. */
const TRAFFIC = /\btraffic\b/i;

/** The description in brackets after the label: "**Settings** (the gear icon)". */
const LABEL_BEFORE = /\(\s*$|(?:\*\*|__|["”’`])\s*[,–—-]\s*$/;

export default defineRule({
  id: 'sensory-language',
  category: 'accessibility',
  description:
    'Instructions do not point at things by colour, shape, position or sound alone ' +
    '("click the green button", "the icon on the right", "when you hear the beep").',
  defaultSeverity: 'info',
  options: z
    .object({
      colour: z.boolean().default(true).describe('Check colour and shape: "the green button", "the round icon".'),
      position: z.boolean().default(true).describe('Check position: "the button on the right", "the top-left menu".'),
      sound: z.boolean().default(true).describe('Check sound: "when you hear the beep", "listen for two short tones".'),
    })
    .strict(),
  docs: {
    rationale:
      'A learner who is blind, colour-blind, zoomed in, ' +
      'or on a phone where the layout has moved cannot find "the green button" or "the icon on the right". ' +
      'Naming the thing as well as describing it works for everyone (WCAG 1.3.3). Only instructions are checked ("click", ' +
      '"select", "open" …), and only when nothing ' +
      'else names the thing: "the green **Run** button" and "the Cloud Shell icon in the top-right corner" are fine. ' +
      'A meaning or a state carried by colour alone is checked in any sentence ("a red dot means unpaid"); ' +
      'so is a signal told by how it sounds ("a long continuous tone", "three short beeps", "if the monitor starts beeping"), ' +
      'once per signal (not "when you hear the fire alarm", everyone\'s cue); ' +
      'and, in a lesson without code, a thing in the workplace told by its colour where the learner is told to go, put or stay ' +
      '("stay behind the yellow line", "file it in the blue tray", "the yellow-lidded bin", "the keys are in the green folder"), ' +
      'not idioms ("a red flag"), nor one with words in capitals printed on it ("a blue tag printed HOUSE 3 ONLY"); ' +
      'in such a lesson too, a thing on a screen or a board told by its colour ("look for the yellow ' +
      'banner", "fields with a red asterisk") or a state marked by one ("the banner is amber", "rows the macro shades red"), unless a ' +
      'label or a word in capitals names it, in a lesson that is not about colour itself. ' +
      'A bare "right" before a thing means correct ("the right line"), except a pane or a panel.',
    howToFix:
      'Add the label or name learners will see or hear: "Click **Run** (the green triangle)", ' +
      '"Open the **Environment** tab in the top-right pane".',
  },
  check({ doc, options, settings, report: given }) {
    const reported: OffsetRange[] = [];
    const report = (found: Report) => {
      reported.push(found);
      given(found);
    };
    const patterns: Array<{ pattern: RegExp; cue: string; hint: boolean }> = [];
    if (options.colour)
      patterns.push({ pattern: LOOK_ONLY, cue: 'its look', hint: false }, { pattern: COLOUR_ONLY, cue: 'colour or shape', hint: false });
    if (options.position)
      patterns.push({ pattern: POSITION_ONLY, cue: 'position', hint: true }, { pattern: POSITION_BEFORE, cue: 'position', hint: true });
    if (options.sound) reportSoundCues(doc, settings, report);
    // The sound cues come first, in the lesson's order; then each block's findings as it is read.
    const soundCues = reported.length;
    let cue = 0;
    const workplace = !hasCode(doc);
    const colouredThings = options.colour && workplace && !aboutColour(doc);
    for (const block of doc.prose) {
      const before = reported.length;
      if (options.colour) reportColourMeanings(block, settings, report, workplace);
      for (const { sentence, pointing, matches } of block.derived(DESCRIBED, describedThings)) {
        const source = block.sourceRange(sentence.start, sentence.end);
        const inSentence: Array<[number, number]> = [];
        for (const { pattern, cue, hint } of patterns) {
          for (const match of matches.get(pattern) ?? []) {
            const at = sentence.start + (match.index ?? 0);
            const end = at + match[0].length;
            // A label near the thing names it: "the **Environment** tab in the top-right pane"; one in another clause names something else.
            if (hint && namedNear(doc.text, block.sourceRange(at, end), source)) continue;
            if (inSentence.some(([from, to]) => from < end && at < to) || isAllowed(settings, match[0])) continue;
            if (!hint && !pointing && pattern !== LOOK_ONLY && !CONTROL.test(match[0])) continue;
            if (
              namedAfter(block.text.slice(end, end + 40)) ||
              LABEL_BEFORE.test(doc.text.slice(Math.max(0, block.toSource(at) - 6), block.toSource(at)))
            )
              continue;
            if (pattern === COLOUR_ONLY && NAME_BEFORE_NOUN.test(match[0])) continue;
            inSentence.push([at, end]);
            const range = block.sourceRange(at, end);
            report({
              ...range,
              message: `Unexpected "${match[0].replace(/\s+/g, ' ')}" identified by ${cue} alone, expected its label or name as well.`,
            });
          }
        }
      }
      if (!colouredThings) continue;
      // A paragraph already reported is one thing to rewrite.
      const whole = block.sourceRange(0, block.text.length);
      while (cue < soundCues && reported[cue].end <= whole.start) cue++;
      if (reported.length === before && !(cue < soundCues && overlaps(reported[cue], whole)))
        reportColouredThings(doc, block, settings, report);
    }
  },
});

function namedNear(text: string, thing: { start: number; end: number }, sentence: { start: number; end: number }): boolean {
  const around = text.slice(Math.max(sentence.start, thing.start - 40), Math.min(sentence.end, thing.end + 40));
  return around.includes(CODE_STAND_IN) || LABEL_IN_SOURCE.test(around);
}

/** An instruction that describes something by colour, shape or position: the matches of each pattern in it. */
interface Described {
  sentence: Sentence;
  /** Uses a verb that only makes sense on a screen. */
  pointing: boolean;
  matches: ReadonlyMap<RegExp, readonly RegExpMatchArray[]>;
}

const DESCRIBED = Symbol('described');

function describedThings(block: ProseBlock): Described[] {
  const found: Described[] = [];
  for (const sentence of blockSentences(block)) {
    if (!INSTRUCTION.test(sentence.text)) continue;
    let matches: Map<RegExp, RegExpMatchArray[]> | undefined;
    for (const pattern of [LOOK_ONLY, COLOUR_ONLY, POSITION_ONLY, POSITION_BEFORE]) {
      const list = allMatches(pattern, sentence.text);
      if (list.length > 0) (matches ??= new Map()).set(pattern, list);
    }
    if (matches) found.push({ sentence, pointing: POINTING.test(sentence.text), matches });
  }
  return found;
}

/** In a lesson without code (`workplace`), a physical thing told by its colour counts in any sentence: code lessons colour plots. */
function reportColourMeanings(block: ProseBlock, settings: SharedSettings, report: (report: Report) => void, workplace: boolean): void {
  if (!COLOUR_WORD.test(block.text) && !SHAPE_WORD.test(block.text)) return;
  for (const sentence of blockSentences(block)) {
    if (LABEL_IN_TEXT.test(sentence.text)) continue;
    if (TRAFFIC.test(sentence.text)) continue;
    for (const match of [
      ...allMatches(COLOUR_MEANS, sentence.text),
      ...allMatches(COLOUR_CHANGE, sentence.text),
      ...allMatches(COLOURED_SIGNAL, sentence.text),
      ...allMatches(COLOUR_STATE, sentence.text),
      ...allMatches(IN_COLOURED_BAND, sentence.text),
      ...allMatches(ANY_WITH_COLOUR, sentence.text),
      ...allMatches(LIGHT_BY_LOOK, sentence.text),
      ...(INSTRUCTION.test(sentence.text) ? allMatches(PART_IN_COLOUR, sentence.text) : []),
      ...allMatches(SHOWN_IN_COLOUR, sentence.text),
      ...allMatches(ONE_WITH_COLOUR, sentence.text),
      ...allMatches(WITH_COLOUR_MARK, sentence.text),
      ...allMatches(SHOWN_AS_MARK, sentence.text),
      ...allMatches(SHOWS_UP_IN_COLOUR, sentence.text),
      ...allMatches(ONES_WITH_COLOUR, sentence.text),
      ...allMatches(BY_COLOURED_CONTROL, sentence.text),
      ...allMatches(SHAPED_CONTAINER, sentence.text),
      // "Black Box", "White Box": capitalised words are a name, not a colour; "a red flag" is an idiom.
      ...(workplace && PLACING.test(sentence.text)
        ? allMatches(PHYSICAL_BY_COLOUR, sentence.text).filter(
            (match) =>
              !TITLE_CASE_END.test(match[0]) &&
              !IDIOM.test(match[0]) &&
              !NAMED_BETWEEN.test(match[0]) &&
              // What the instruction pass reports (a control, or a mark where the verb points at a screen) is its own.
              !(INSTRUCTION.test(sentence.text) && NOUN_AT_END.test(match[0]) && (POINTING.test(sentence.text) || CONTROL.test(match[0]))),
          )
        : []),
    ]) {
      const at = sentence.start + match.index;
      if (isAllowed(settings, match[0])) continue;
      // "the blue button marked RAMP": named after all.
      if (namedAfter(sentence.text.slice(match.index + match[0].length, match.index + match[0].length + 40))) continue;
      report({
        ...block.sourceRange(at, at + match[0].length),
        message:
          `Unexpected "${match[0].replace(/\s+/g, ' ')}" whose meaning is carried by colour or shape alone, ` +
          `expected a word or label that says it too.`,
      });
      // "Any opportunity with an orange clock beside it": two patterns, one finding; one per sentence, which is one thing to rewrite.
      break;
    }
  }
}

/** "When you hear the beep": a cue for learners who hear it, with nothing said of what the others see. */
function reportSoundCues(doc: LessonDocument, settings: SharedSettings, report: (report: Report) => void): void {
  const cues = [...findInProse(doc, SOUND_ONLY, settings, SOUND_WORD), ...findInProse(doc, SOUND_SIGNAL, settings, SOUND_WORD)];
  // One finding per paragraph: "an intermittent tone means stand by; a continuous tone means evacuate" is one thing to rewrite.
  // And one per signal: "the intermittent tone" said again is the same cue.
  const reported = new Set<ProseBlock>();
  const signals = new Set<string>();
  for (const found of cues.sort((a, b) => a.start - b.start)) {
    const sentence = sentenceAround(found.block.text, found.match.index ?? 0);
    const signal = found.text.toLowerCase().replace(/\s+/g, ' ');
    const seen = reported.has(found.block) || signals.has(signal);
    // A signal told in a paragraph already reported is the same cue when it is told again.
    signals.add(signal);
    if (seen) continue;
    reported.add(found.block);
    if (SEEN_TOO.test(found.block.text.slice(sentence.start, sentence.end))) continue;
    // A table of signals sets each one beside its other columns: the spoken call, the hand signal, the meaning; a heading
    // ("When you hear the alarm") names the situation its section then describes.
    if (found.block.kind === 'cell' || found.block.kind === 'heading') continue;
    report({
      start: found.start,
      end: found.end,
      message:
        `Unexpected "${found.text.replace(/\s+/g, ' ')}" told by sound alone, ` +
        `expected what learners also see (a message, a light, a label).`,
    });
  }
}

const COLOUR_WORD = new RegExp(`\\b(?:${words(COLOURS)})\\b`, 'i');
const SHAPE_WORD = new RegExp(`shaped|\\b(?:${words(SHAPES)})\\b`, 'i');
/** A label said in words beside the colour: "a green tick and the word Approved", "(status: Approved)". */
const LABEL_IN_TEXT = /["“”`]|\b(?:the\s+(?:words?|label|text)|labell?ed|reads|says)\b|\b(?:reading|saying)\s+['‘]?\p{Lu}/u;
