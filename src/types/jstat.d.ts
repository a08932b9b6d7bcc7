/** The part of jstat (a CommonJS module without its own types) that saddlecheck uses. */
declare module 'jstat' {
  interface StudentT {
    /** The p-quantile of Student's t with `dof` degrees of freedom. */
    inv(p: number, dof: number): number;
    cdf(x: number, dof: number): number;
  }
  interface ChiSquare {
    cdf(x: number, dof: number): number;
  }
  interface JStat {
    studentt: StudentT;
    chisquare: ChiSquare;
  }
  const jStat: JStat;
  export default jStat;
}
