/** The registry of theorems: one file per prediction. */
export {};
