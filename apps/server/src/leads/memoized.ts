/** How many answers a memoized function keeps; past it, it starts over (no input can grow it). */
const MAX_REMEMBERED = 50_000;

/** `compute`, remembering its answers by argument. Answers are frozen: callers share them. */
export function memoized<T>(compute: (key: string) => readonly T[]): (key: string) => readonly T[] {
  const answers = new Map<string, readonly T[]>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined) {
      if (answers.size >= MAX_REMEMBERED) answers.clear();
      answer = Object.freeze(compute(key));
      answers.set(key, answer);
    }
    return answer;
  };
}
