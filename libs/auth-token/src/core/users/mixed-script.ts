import { UNICODE_SCRIPTS } from './unicode-scripts.js';
import { CORE_MESSAGES } from '../errors/core.messages.js';

/** Characters used with any script (digits, `@ . + - _`, most combining marks): they neither add nor mix one. */
const ANY_SCRIPT = /[\p{Script_Extensions=Common}\p{Script_Extensions=Inherited}]/u;

/** One Script_Extensions test per script this JavaScript engine knows. */
const SCRIPT_TESTS: [string, RegExp][] = UNICODE_SCRIPTS.flatMap((script): [string, RegExp][] => {
  try {
    return [[script, new RegExp(`\\p{Script_Extensions=${script}}`, 'u')]];
  } catch {
    return []; // A script newer than the engine's Unicode data: its letters are unassigned code points here.
  }
});

/** The scripts besides a single one that UTS #39's "highly restrictive" level lets Latin combine with. */
const ALLOWED_COMBINATIONS: readonly (readonly string[])[] = [
  ['Latin', 'Han', 'Hiragana', 'Katakana'],
  ['Latin', 'Han', 'Bopomofo'],
  ['Latin', 'Han', 'Hangul'],
];

function scriptExtensions(character: string): string[] {
  const scripts = SCRIPT_TESTS.filter(([, test]) => test.test(character)).map(([script]) => script);
  return scripts.length ? scripts : ['Unknown'];
}

/**
 * Whether `text` fails UTS #39's "highly restrictive" level (§5.2): its resolved script set (§5.1, from each
 * character's Script_Extensions, Common and Inherited ignored) is empty, and none of the allowed combinations
 * covers it. So `bоb` with a Cyrillic о mixes scripts; `Дмитрий`, `Zoë`, `山田太郎` and `山田たろうTaro` do not.
 */
export function mixesScripts(text: string): boolean {
  const characters = [...new Set(text)].filter((character) => !ANY_SCRIPT.test(character));
  const perCharacter = characters.map(scriptExtensions);
  if (perCharacter.length === 0) return false;
  const resolved = perCharacter.reduce((common, scripts) => common.filter((script) => scripts.includes(script)));
  if (resolved.length > 0) return false;
  const covers = (allowed: readonly string[]) =>
    perCharacter.every((scripts) => scripts.some((script) => allowed.includes(script)));
  return !ALLOWED_COMBINATIONS.some(covers);
}

/** Why a username cannot be registered for mixing scripts, or null. */
export function mixedScriptProblem(username: string): string | null {
  return mixesScripts(username) ? CORE_MESSAGES.usernameMixedScripts : null;
}
