// The search box's query language, kept small so its meaning is exact (README.md here):
//   - terms are separated by whitespace; every term must match (AND);
//   - "a quoted phrase" is one term, spaces included (\" is a literal quote);
//   - a term matches a searched value that contains it, ignoring case (both sides
//     lower-cased with String#toLowerCase, the Greek final sigma ς read as σ);
//   - nothing else is syntax: `*`, `:`, `-`, `/`, `@` … are ordinary characters.

/**
 * Lower-cased the way search compares (values and terms alike). toLowerCase writes Σ as ς
 * at the end of a word and σ elsewhere, so a fragment could miss its own word: both are σ.
 */
export function searchCase(value: string): string {
  const lower = value.toLowerCase();
  return lower.includes('ς') ? lower.replace(/ς/g, 'σ') : lower;
}

/** The query's distinct terms, lower-cased, in order; none for a blank query. */
export function searchTerms(query: string): string[] {
  const terms: string[] = [];
  let term = '';
  let quoted = false;
  const end = () => {
    // NUL separates values in the index; a term never holds one.
    const t = searchCase(term.replace(/\0/g, ''));
    if (t !== '' && !terms.includes(t)) terms.push(t);
    term = '';
  };
  for (let i = 0; i < query.length; i++) {
    const c = query[i]!;
    if (c === '\\' && query[i + 1] === '"') {
      term += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && /\s/.test(c)) {
      end();
    } else {
      term += c;
    }
  }
  end();
  return terms;
}

