/** An inclusive range of whole numbers; `to: null` leaves it open above. */
export interface NumericRange {
  from: number;
  to: number | null;
}

/** A labelled range a picker offers, such as employee count `51-200`. */
export interface Band extends NumericRange {
  label: string;
}
