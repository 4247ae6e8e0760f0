// referenceProblems (queries/reference-codes.ts) as SQL, for staged imports: the joins that look up
// a row's la_code and lsoa21_code, and the CASE branches that name the first problem, same words.

/** Joins `la`, `l21` and `district` to the staged rows aliased `f` (with la_code and lsoa21_code). */
export const referenceJoinsSql = `LEFT JOIN local_authority la ON la.gss_code = f.la_code
    LEFT JOIN lsoa l21 ON l21.edition = 'iod2025' AND l21.code = f.lsoa21_code
    LEFT JOIN local_authority district ON district.gss_code = l21.lad_code`;

/** WHEN branches of a CASE over referenceJoinsSql: the local authority, then the 2021 LSOA. */
export const referenceProblemWhensSql = `WHEN la.gss_code IS NULL THEN 'la_code: There is no local authority with the code ' || f.la_code
        WHEN NOT la.current THEN 'la_code: ' || f.la_code || ' (' || la.name || ') was abolished; use the current authority''s code'
        WHEN f.lsoa21_code IS NOT NULL AND l21.code IS NULL THEN 'lsoa21_code: There is no 2021 LSOA with the code ' || f.lsoa21_code
        WHEN f.lsoa21_code IS NOT NULL AND l21.lad_code <> f.la_code
          THEN 'lsoa21_code: LSOA ' || f.lsoa21_code || ' is in ' || coalesce(district.name, l21.lad_code) || ', not ' || la.name`;
