/** Passing a quiz is at least two thirds correct; it marks the lesson completed. */
export const passRatio = 2 / 3;
