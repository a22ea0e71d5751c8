/**
 * The documented `pattern` of a text that is trimmed and must then not be empty: one character
 * that is not white space, so a value of spaces, refused once trimmed, is refused by it too.
 */
export const NOT_BLANK_PATTERN = '\\S';
