/** What a new map starts with: a thesis stated from its title, or a placeholder to replace. */
export interface StartingThesis {
  text: string;
  /** True when the title could not be turned into a statement and the text asks for one. */
  placeholder: boolean;
}

const MODALS = new Set(["should", "can", "could", "will", "would", "must", "may", "might", "shall"]);
const BE = new Set(["is", "are", "was", "were"]);

/** Verbs that open a debate motion's predicate after a modal or "do": `ban`, `adopt`, `be`… */
const VERBS = new Set(
  (
    "abolish accelerate accept admit adopt allow ally apologize arm attack ban be become benefit boycott build " +
    "cancel cap cause censor change close compete confront contain continue control cooperate count create " +
    "criminalize cut decouple decriminalize defend defund delay deploy deserve destroy deter develop disarm " +
    "disband do drop eliminate embrace enact encourage end enforce engage ensure establish exist expand expel " +
    "extend fail fall fund get give go grant guarantee harm have help hire hurt impose implement improve " +
    "increase intervene introduce invade invest isolate join keep kill lead leave legalize let limit lose lower " +
    "make mandate matter nationalize need negotiate offer open outlaw outweigh pay permit phase police prevent " +
    "prioritize privatize prohibit protect provide punish pursue raise ratify receive recognize reduce reform " +
    "regulate reinstate reject remain remove repeal replace require restrict return revoke rise sanction save " +
    "scrap sell send separate shut sign slow spend start stop subsidize succeed support survive suspend switch " +
    "take tax teach threaten trade treat try undermine use vote win withdraw work"
  ).split(" "),
);

/** Words between a modal and its verb that belong to the predicate: `should not`, `should really`. */
const PREDICATE_OPENERS = new Set([
  "not",
  "never",
  "ever",
  "still",
  "also",
  "always",
  "really",
  "no",
  "longer",
]);
/** Words that start the predicate of `is X …?`: an article, a comparison. */
const BE_PREDICATE_OPENERS = new Set([
  "a",
  "an",
  "the",
  "better",
  "worse",
  "more",
  "less",
  "too",
  "worth",
  "still",
]);
const ADJECTIVES = new Set(
  "bad fair good just necessary possible real right safe wrong wise enough effective ethical moral".split(
    " ",
  ),
);
const ADJECTIVE_ENDING = /(?:ful|ous|ive|able|ible|al|ic|ent|ant|less|ed|ary|ory)$/;

/**
 * A new map's first thesis from its title. A question of a common shape becomes the statement the
 * affirmative defends ("Should the US ban TikTok?" → "The US should ban TikTok"); another question
 * gives a placeholder that asks for the thesis; a title that is no question is the thesis itself.
 */
export function thesisFromTitle(title: string): StartingThesis {
  const text = title.trim().replace(/\s+/g, " ");
  const words = text
    .replace(/[?？]+$/, "")
    .trim()
    .split(" ");
  const first = words[0]?.toLowerCase() ?? "";
  const question =
    /[?？]$/.test(text) || MODALS.has(first) || BE.has(first) || first === "do" || first === "does";
  if (!question) return { text, placeholder: false };
  const rest = words.slice(1);
  const stated = MODALS.has(first)
    ? afterVerb(rest, (subject, predicate) => [...subject, first, ...predicate])
    : first === "do"
      ? afterVerb(rest, (subject, predicate) => [...subject, ...predicate])
      : first === "does"
        ? afterVerb(rest, (subject, [verb, ...more]) => [...subject, thirdPerson(verb), ...more])
        : BE.has(first)
          ? beStatement(rest, first)
          : undefined;
  if (stated) return { text: sentence(stated), placeholder: false };
  return { text: `Write the thesis: the answer to “${text}”`, placeholder: true };
}

/** Splits `subject verb …` at the first known verb (after at least one word) and rebuilds it. */
function afterVerb(
  words: string[],
  build: (subject: string[], predicate: string[]) => string[],
): string[] | undefined {
  for (let i = 1; i < words.length; i++) {
    const word = words[i].toLowerCase();
    if (
      VERBS.has(word) ||
      PREDICATE_OPENERS.has(word) ||
      (word.endsWith("ly") && VERBS.has(words[i + 1]?.toLowerCase() ?? ""))
    ) {
      if (PREDICATE_OPENERS.has(word) && !VERBS.has(words[i + 1]?.toLowerCase() ?? "")) return undefined;
      return build(words.slice(0, i), words.slice(i));
    }
  }
  return undefined;
}

/** `is X Y?` → `X is Y`, where Y starts with an article or comparison, or is one adjective at the end. */
function beStatement(words: string[], be: string): string[] | undefined {
  if (words.length < 2) return undefined;
  for (let i = 1; i < words.length; i++) {
    if (BE_PREDICATE_OPENERS.has(words[i].toLowerCase()))
      return [...words.slice(0, i), be, ...words.slice(i)];
  }
  const last = words[words.length - 1].toLowerCase();
  if (ADJECTIVES.has(last) || ADJECTIVE_ENDING.test(last))
    return [...words.slice(0, -1), be, words[words.length - 1]];
  return undefined;
}

/** The verb after "does", as it reads without it: `improve` → `improves`, `have` → `has`. */
function thirdPerson(verb: string): string {
  const lower = verb.toLowerCase();
  if (lower === "have") return "has";
  if (lower === "be") return "is";
  if (lower === "do" || lower === "go") return `${verb}es`;
  if (/(?:s|sh|ch|x|z)$/.test(lower)) return `${verb}es`;
  if (/[^aeiou]y$/.test(lower)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

/** Words as a sentence: the first capitalized, no question mark. */
function sentence(words: string[]): string {
  const [head, ...tail] = words;
  const first =
    /^[A-Z]{2,}/.test(head) || /^[A-Z][a-z]*[A-Z]/.test(head) ? head : head[0].toUpperCase() + head.slice(1);
  return [first, ...tail].join(" ");
}
