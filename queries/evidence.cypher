// name: evidence
// summary: The sentences behind the relationships between two named actors, with their articles
// params: from string, to string, type string = "", limit int(0..) = 100
// example: from=Trump; to=Spain
// description: from and to match by id, name or alias (case-insensitive substring); the
// description: relationship may go either way. type filters by relationship type (e.g. PRESSURED).
// description: start and end are the sentence's byte offsets in the article's text.

// The nodes from and to name come from the search text index of each entity label (lower-cased
// id, name and aliases), and are checked as before; only the model's types are read (MENTIONS
// and types outside the model are not). Each type is read one of two ways (how), chosen from the
// sides' out- and in-degrees in that type (fromd, tod: the type's index, then 12 + it) and the
// type's size n: by date when both sides hold hubs, est × d > limit × n² (d the smaller side's
// degree, est = out_from × in_to + out_to × in_from: n times the relationships expected to join
// the sides; reading newest first then passes about limit × n² / est of them, fewer than d), or
// when both sides hold more than 8 × limit + 200 and the type has fewer than 4 × limit + 100
// dated relationships at all (its date index, probed); else from the side with fewer
// relationships of that type, keeping those whose other end is on the other side. By date:
// newest first from the type's date index, the first limit that join the sides in the report's
// order (a partial sort: date, names, article), the types in turn, each from the limit-th newest
// date the types before it gave (when they gave limit). The first limit rows are dated on or after the
// limit-th newest date those give (the cutoff): a type read from the sides reads instead what
// its date index holds from the cutoff on, when that is less than its smaller side holds.
// Undated relationships sort last: those of the types read by date are read from the sides only
// when fewer than limit dated ones were found. The twelve blocks of each step are the same but
// for the type. A read a type does not want gets a null bound or an empty list (the planner may
// run a guard on the arguments after it), and the date indexes are hinted (a seek: a plan made
// on a small graph scanned the whole index, which a null bound does not stop).
CALL () {
  CALL () {
    MATCH (n:Person) WHERE n.search CONTAINS toLower($from) RETURN n
    UNION MATCH (n:Country) WHERE n.search CONTAINS toLower($from) RETURN n
    UNION MATCH (n:Organization) WHERE n.search CONTAINS toLower($from) RETURN n
    UNION MATCH (n:Place) WHERE n.search CONTAINS toLower($from) RETURN n
    UNION MATCH (n:Event) WHERE n.search CONTAINS toLower($from) RETURN n
  }
  WITH n WHERE n.id = $from OR toLower(n.name) CONTAINS toLower($from)
               OR any(al IN coalesce(n.aliases, []) WHERE toLower(al) CONTAINS toLower($from))
  RETURN collect(n) AS froms,
         [sum(COUNT { (n)-[:MET]->() }),
          sum(COUNT { (n)-[:SPOKE_WITH]->() }),
          sum(COUNT { (n)-[:PRESSURED]->() }),
          sum(COUNT { (n)-[:CRITICIZED]->() }),
          sum(COUNT { (n)-[:SUPPORTED]->() }),
          sum(COUNT { (n)-[:VISITED]->() }),
          sum(COUNT { (n)-[:ATTENDED]->() }),
          sum(COUNT { (n)-[:HOSTED]->() }),
          sum(COUNT { (n)-[:HOLDS_ROLE]->() }),
          sum(COUNT { (n)-[:MEMBER_OF]->() }),
          sum(COUNT { (n)-[:LOCATED_IN]->() }),
          sum(COUNT { (n)-[:HELD_IN]->() }),
          sum(COUNT { (n)<-[:MET]-() }),
          sum(COUNT { (n)<-[:SPOKE_WITH]-() }),
          sum(COUNT { (n)<-[:PRESSURED]-() }),
          sum(COUNT { (n)<-[:CRITICIZED]-() }),
          sum(COUNT { (n)<-[:SUPPORTED]-() }),
          sum(COUNT { (n)<-[:VISITED]-() }),
          sum(COUNT { (n)<-[:ATTENDED]-() }),
          sum(COUNT { (n)<-[:HOSTED]-() }),
          sum(COUNT { (n)<-[:HOLDS_ROLE]-() }),
          sum(COUNT { (n)<-[:MEMBER_OF]-() }),
          sum(COUNT { (n)<-[:LOCATED_IN]-() }),
          sum(COUNT { (n)<-[:HELD_IN]-() })] AS fromd
}
CALL () {
  CALL () {
    MATCH (n:Person) WHERE n.search CONTAINS toLower($to) RETURN n
    UNION MATCH (n:Country) WHERE n.search CONTAINS toLower($to) RETURN n
    UNION MATCH (n:Organization) WHERE n.search CONTAINS toLower($to) RETURN n
    UNION MATCH (n:Place) WHERE n.search CONTAINS toLower($to) RETURN n
    UNION MATCH (n:Event) WHERE n.search CONTAINS toLower($to) RETURN n
  }
  WITH n WHERE n.id = $to OR toLower(n.name) CONTAINS toLower($to)
               OR any(al IN coalesce(n.aliases, []) WHERE toLower(al) CONTAINS toLower($to))
  RETURN collect(n) AS tos,
         [sum(COUNT { (n)-[:MET]->() }),
          sum(COUNT { (n)-[:SPOKE_WITH]->() }),
          sum(COUNT { (n)-[:PRESSURED]->() }),
          sum(COUNT { (n)-[:CRITICIZED]->() }),
          sum(COUNT { (n)-[:SUPPORTED]->() }),
          sum(COUNT { (n)-[:VISITED]->() }),
          sum(COUNT { (n)-[:ATTENDED]->() }),
          sum(COUNT { (n)-[:HOSTED]->() }),
          sum(COUNT { (n)-[:HOLDS_ROLE]->() }),
          sum(COUNT { (n)-[:MEMBER_OF]->() }),
          sum(COUNT { (n)-[:LOCATED_IN]->() }),
          sum(COUNT { (n)-[:HELD_IN]->() }),
          sum(COUNT { (n)<-[:MET]-() }),
          sum(COUNT { (n)<-[:SPOKE_WITH]-() }),
          sum(COUNT { (n)<-[:PRESSURED]-() }),
          sum(COUNT { (n)<-[:CRITICIZED]-() }),
          sum(COUNT { (n)<-[:SUPPORTED]-() }),
          sum(COUNT { (n)<-[:VISITED]-() }),
          sum(COUNT { (n)<-[:ATTENDED]-() }),
          sum(COUNT { (n)<-[:HOSTED]-() }),
          sum(COUNT { (n)<-[:HOLDS_ROLE]-() }),
          sum(COUNT { (n)<-[:MEMBER_OF]-() }),
          sum(COUNT { (n)<-[:LOCATED_IN]-() }),
          sum(COUNT { (n)<-[:HELD_IN]-() })] AS tod
}
// fp and tp are froms and tos repeated to at least 128 entries: the membership tests below
// (`x IN list`) look a list of 128 or more up in a hash set built once per query, and scan a
// shorter one entry by entry for every row (Neo4j 5.26, slotted runtime: `s IN tos` with the 47
// nodes of "Spain" cost 1.2 µs a row, with them repeated to 141, 0.1 µs). Repeats change no
// answer. sm and bg are the padded lists of the side with fewer and more nodes.
WITH froms, tos, fromd, tod,
     CASE WHEN size(froms) = 0 THEN froms ELSE reduce(l = [], i IN range(0, 128 / size(froms)) | l + froms) END AS fp,
     CASE WHEN size(tos) = 0 THEN tos ELSE reduce(l = [], i IN range(0, 128 / size(tos)) | l + tos) END AS tp
// How each type is read: '' (not asked for, or a side without such relationships), 'date',
// or from the side named.
WITH froms, tos, fp, tp, reduce(s = 0, x IN fromd | s + x) <= reduce(s = 0, x IN tod | s + x) AS fromNear,
     CASE WHEN size(froms) <= size(tos) THEN fp ELSE tp END AS sm, CASE WHEN size(froms) <= size(tos) THEN tp ELSE fp END AS bg,
     {`MET`: CASE WHEN $type <> '' AND toUpper($type) <> 'MET' OR (fromd[0] + fromd[12]) = 0 OR (tod[0] + tod[12]) = 0 THEN ''
       WHEN (fromd[0] * tod[12] + tod[0] * fromd[12]) * CASE WHEN (fromd[0] + fromd[12]) < (tod[0] + tod[12]) THEN (fromd[0] + fromd[12]) ELSE (tod[0] + tod[12]) END
            > $limit * COUNT { ()-[:MET]->() } ^ 2 THEN 'date'
       WHEN (fromd[0] + fromd[12]) > 8 * $limit + 200 AND (tod[0] + tod[12]) > 8 * $limit + 200
            AND size(COLLECT { MATCH ()-[x:MET]->() USING INDEX x:MET(date) WHERE x.date > CASE WHEN (fromd[0] + fromd[12]) > 8 * $limit + 200 AND (tod[0] + tod[12]) > 8 * $limit + 200 THEN '' END
                           RETURN 1 LIMIT 4 * $limit + 100 }) < 4 * $limit + 100 THEN 'date'
       WHEN (fromd[0] + fromd[12]) <= (tod[0] + tod[12]) THEN 'from' ELSE 'to' END,
     `SPOKE_WITH`: CASE WHEN $type <> '' AND toUpper($type) <> 'SPOKE_WITH' OR (fromd[1] + fromd[13]) = 0 OR (tod[1] + tod[13]) = 0 THEN ''
       WHEN (fromd[1] * tod[13] + tod[1] * fromd[13]) * CASE WHEN (fromd[1] + fromd[13]) < (tod[1] + tod[13]) THEN (fromd[1] + fromd[13]) ELSE (tod[1] + tod[13]) END
            > $limit * COUNT { ()-[:SPOKE_WITH]->() } ^ 2 THEN 'date'
       WHEN (fromd[1] + fromd[13]) > 8 * $limit + 200 AND (tod[1] + tod[13]) > 8 * $limit + 200
            AND size(COLLECT { MATCH ()-[x:SPOKE_WITH]->() USING INDEX x:SPOKE_WITH(date) WHERE x.date > CASE WHEN (fromd[1] + fromd[13]) > 8 * $limit + 200 AND (tod[1] + tod[13]) > 8 * $limit + 200 THEN '' END
                           RETURN 1 LIMIT 4 * $limit + 100 }) < 4 * $limit + 100 THEN 'date'
       WHEN (fromd[1] + fromd[13]) <= (tod[1] + tod[13]) THEN 'from' ELSE 'to' END,
     `PRESSURED`: CASE WHEN $type <> '' AND toUpper($type) <> 'PRESSURED' OR (fromd[2] + fromd[14]) = 0 OR (tod[2] + tod[14]) = 0 THEN ''
       WHEN (fromd[2] * tod[14] + tod[2] * fromd[14]) * CASE WHEN (fromd[2] + fromd[14]) < (tod[2] + tod[14]) THEN (fromd[2] + fromd[14]) ELSE (tod[2] + tod[14]) END
            > $limit * COUNT { ()-[:PRESSURED]->() } ^ 2 THEN 'date'
       WHEN (fromd[2] + fromd[14]) > 8 * $limit + 200 AND (tod[2] + tod[14]) > 8 * $limit + 200
            AND size(COLLECT { MATCH ()-[x:PRESSURED]->() USING INDEX x:PRESSURED(date) WHERE x.date > CASE WHEN (fromd[2] + fromd[14]) > 8 * $limit + 200 AND (tod[2] + tod[14]) > 8 * $limit + 200 THEN '' END
                           RETURN 1 LIMIT 4 * $limit + 100 }) < 4 * $limit + 100 THEN 'date'
       WHEN (fromd[2] + fromd[14]) <= (tod[2] + tod[14]) THEN 'from' ELSE 'to' END,
     `CRITICIZED`: CASE WHEN $type <> '' AND toUpper($type) <> 'CRITICIZED' OR (fromd[3] + fromd[15]) = 0 OR (tod[3] + tod[15]) = 0 THEN ''
       WHEN (fromd[3] * tod[15] + tod[3] * fromd[15]) * CASE WHEN (fromd[3] + fromd[15]) < (tod[3] + tod[15]) THEN (fromd[3] + fromd[15]) ELSE (tod[3] + tod[15]) END
            > $limit * COUNT { ()-[:CRITICIZED]->() } ^ 2 THEN 'date'
       WHEN (fromd[3] + fromd[15]) > 8 * $limit + 200 AND (tod[3] + tod[15]) > 8 * $limit + 200
            AND size(COLLECT { MATCH ()-[x:CRITICIZED]->() USING INDEX x:CRITICIZED(date) WHERE x.date > CASE WHEN (fromd[3] + fromd[15]) > 8 * $limit + 200 AND (tod[3] + tod[15]) > 8 * $limit + 200 THEN '' END
                           RETURN 1 LIMIT 4 * $limit + 100 }) < 4 * $limit + 100 THEN 'date'
       WHEN (fromd[3] + fromd[15]) <= (tod[3] + tod[15]) THEN 'from' ELSE 'to' END,
     `SUPPORTED`: CASE WHEN $type <> '' AND toUpper($type) <> 'SUPPORTED' OR (fromd[4] + fromd[16]) = 0 OR (tod[4] + tod[16]) = 0 THEN ''
       WHEN (fromd[4] * tod[16] + tod[4] * fromd[16]) * CASE WHEN (fromd[4] + fromd[16]) < (tod[4] + tod[16]) THEN (fromd[4] + fromd[16]) ELSE (tod[4] + tod[16]) END
            > $limit * COUNT { ()-[:SUPPORTED]->() } ^ 2 THEN 'date'
       WHEN (fromd[4] + fromd[16]) > 8 * $limit + 200 AND (tod[4] + tod[16]) > 8 * $limit + 200
            AND size(COLLECT { MATCH ()-[x:SUPPORTED]->() USING INDEX x:SUPPORTED(date) WHERE x.date > CASE WHEN (fromd[4] + fromd[16]) > 8 * $limit + 200 AND (tod[4] + tod[16]) > 8 * $limit + 200 THEN '' END
                           RETURN 1 LIMIT 4 * $limit + 100 }) < 4 * $limit + 100 THEN 'date'
       WHEN (fromd[4] + fromd[16]) <= (tod[4] + tod[16]) THEN 'from' ELSE 'to' END,
     `VISITED`: CASE WHEN $type <> '' AND toUpper($type) <> 'VISITED' OR (fromd[5] + fromd[17]) = 0 OR (tod[5] + tod[17]) = 0 THEN ''
       WHEN (fromd[5] * tod[17] + tod[5] * fromd[17]) * CASE WHEN (fromd[5] + fromd[17]) < (tod[5] + tod[17]) THEN (fromd[5] + fromd[17]) ELSE (tod[5] + tod[17]) END
            > $limit * COUNT { ()-[:VISITED]->() } ^ 2 THEN 'date'
       WHEN (fromd[5] + fromd[17]) > 8 * $limit + 200 AND (tod[5] + tod[17]) > 8 * $limit + 200
            AND size(COLLECT { MATCH ()-[x:VISITED]->() USING INDEX x:VISITED(date) WHERE x.date > CASE WHEN (fromd[5] + fromd[17]) > 8 * $limit + 200 AND (tod[5] + tod[17]) > 8 * $limit + 200 THEN '' END
                           RETURN 1 LIMIT 4 * $limit + 100 }) < 4 * $limit + 100 THEN 'date'
       WHEN (fromd[5] + fromd[17]) <= (tod[5] + tod[17]) THEN 'from' ELSE 'to' END,
     `ATTENDED`: CASE WHEN $type <> '' AND toUpper($type) <> 'ATTENDED' OR (fromd[6] + fromd[18]) = 0 OR (tod[6] + tod[18]) = 0 THEN ''
       WHEN (fromd[6] * tod[18] + tod[6] * fromd[18]) * CASE WHEN (fromd[6] + fromd[18]) < (tod[6] + tod[18]) THEN (fromd[6] + fromd[18]) ELSE (tod[6] + tod[18]) END
            > $limit * COUNT { ()-[:ATTENDED]->() } ^ 2 THEN 'date'
       WHEN (fromd[6] + fromd[18]) > 8 * $limit + 200 AND (tod[6] + tod[18]) > 8 * $limit + 200
            AND size(COLLECT { MATCH ()-[x:ATTENDED]->() USING INDEX x:ATTENDED(date) WHERE x.date > CASE WHEN (fromd[6] + fromd[18]) > 8 * $limit + 200 AND (tod[6] + tod[18]) > 8 * $limit + 200 THEN '' END
                           RETURN 1 LIMIT 4 * $limit + 100 }) < 4 * $limit + 100 THEN 'date'
       WHEN (fromd[6] + fromd[18]) <= (tod[6] + tod[18]) THEN 'from' ELSE 'to' END,
     `HOSTED`: CASE WHEN $type <> '' AND toUpper($type) <> 'HOSTED' OR (fromd[7] + fromd[19]) = 0 OR (tod[7] + tod[19]) = 0 THEN ''
       WHEN (fromd[7] * tod[19] + tod[7] * fromd[19]) * CASE WHEN (fromd[7] + fromd[19]) < (tod[7] + tod[19]) THEN (fromd[7] + fromd[19]) ELSE (tod[7] + tod[19]) END
            > $limit * COUNT { ()-[:HOSTED]->() } ^ 2 THEN 'date'
       WHEN (fromd[7] + fromd[19]) > 8 * $limit + 200 AND (tod[7] + tod[19]) > 8 * $limit + 200
            AND size(COLLECT { MATCH ()-[x:HOSTED]->() USING INDEX x:HOSTED(date) WHERE x.date > CASE WHEN (fromd[7] + fromd[19]) > 8 * $limit + 200 AND (tod[7] + tod[19]) > 8 * $limit + 200 THEN '' END
                           RETURN 1 LIMIT 4 * $limit + 100 }) < 4 * $limit + 100 THEN 'date'
       WHEN (fromd[7] + fromd[19]) <= (tod[7] + tod[19]) THEN 'from' ELSE 'to' END,
     `HOLDS_ROLE`: CASE WHEN $type <> '' AND toUpper($type) <> 'HOLDS_ROLE' OR (fromd[8] + fromd[20]) = 0 OR (tod[8] + tod[20]) = 0 THEN ''
       WHEN (fromd[8] * tod[20] + tod[8] * fromd[20]) * CASE WHEN (fromd[8] + fromd[20]) < (tod[8] + tod[20]) THEN (fromd[8] + fromd[20]) ELSE (tod[8] + tod[20]) END
            > $limit * COUNT { ()-[:HOLDS_ROLE]->() } ^ 2 THEN 'date'
       WHEN (fromd[8] + fromd[20]) > 8 * $limit + 200 AND (tod[8] + tod[20]) > 8 * $limit + 200
            AND size(COLLECT { MATCH ()-[x:HOLDS_ROLE]->() USING INDEX x:HOLDS_ROLE(date) WHERE x.date > CASE WHEN (fromd[8] + fromd[20]) > 8 * $limit + 200 AND (tod[8] + tod[20]) > 8 * $limit + 200 THEN '' END
                           RETURN 1 LIMIT 4 * $limit + 100 }) < 4 * $limit + 100 THEN 'date'
       WHEN (fromd[8] + fromd[20]) <= (tod[8] + tod[20]) THEN 'from' ELSE 'to' END,
     `MEMBER_OF`: CASE WHEN $type <> '' AND toUpper($type) <> 'MEMBER_OF' OR (fromd[9] + fromd[21]) = 0 OR (tod[9] + tod[21]) = 0 THEN ''
       WHEN (fromd[9] * tod[21] + tod[9] * fromd[21]) * CASE WHEN (fromd[9] + fromd[21]) < (tod[9] + tod[21]) THEN (fromd[9] + fromd[21]) ELSE (tod[9] + tod[21]) END
            > $limit * COUNT { ()-[:MEMBER_OF]->() } ^ 2 THEN 'date'
       WHEN (fromd[9] + fromd[21]) > 8 * $limit + 200 AND (tod[9] + tod[21]) > 8 * $limit + 200
            AND size(COLLECT { MATCH ()-[x:MEMBER_OF]->() USING INDEX x:MEMBER_OF(date) WHERE x.date > CASE WHEN (fromd[9] + fromd[21]) > 8 * $limit + 200 AND (tod[9] + tod[21]) > 8 * $limit + 200 THEN '' END
                           RETURN 1 LIMIT 4 * $limit + 100 }) < 4 * $limit + 100 THEN 'date'
       WHEN (fromd[9] + fromd[21]) <= (tod[9] + tod[21]) THEN 'from' ELSE 'to' END,
     `LOCATED_IN`: CASE WHEN $type <> '' AND toUpper($type) <> 'LOCATED_IN' OR (fromd[10] + fromd[22]) = 0 OR (tod[10] + tod[22]) = 0 THEN ''
       WHEN (fromd[10] * tod[22] + tod[10] * fromd[22]) * CASE WHEN (fromd[10] + fromd[22]) < (tod[10] + tod[22]) THEN (fromd[10] + fromd[22]) ELSE (tod[10] + tod[22]) END
            > $limit * COUNT { ()-[:LOCATED_IN]->() } ^ 2 THEN 'date'
       WHEN (fromd[10] + fromd[22]) > 8 * $limit + 200 AND (tod[10] + tod[22]) > 8 * $limit + 200
            AND size(COLLECT { MATCH ()-[x:LOCATED_IN]->() USING INDEX x:LOCATED_IN(date) WHERE x.date > CASE WHEN (fromd[10] + fromd[22]) > 8 * $limit + 200 AND (tod[10] + tod[22]) > 8 * $limit + 200 THEN '' END
                           RETURN 1 LIMIT 4 * $limit + 100 }) < 4 * $limit + 100 THEN 'date'
       WHEN (fromd[10] + fromd[22]) <= (tod[10] + tod[22]) THEN 'from' ELSE 'to' END,
     `HELD_IN`: CASE WHEN $type <> '' AND toUpper($type) <> 'HELD_IN' OR (fromd[11] + fromd[23]) = 0 OR (tod[11] + tod[23]) = 0 THEN ''
       WHEN (fromd[11] * tod[23] + tod[11] * fromd[23]) * CASE WHEN (fromd[11] + fromd[23]) < (tod[11] + tod[23]) THEN (fromd[11] + fromd[23]) ELSE (tod[11] + tod[23]) END
            > $limit * COUNT { ()-[:HELD_IN]->() } ^ 2 THEN 'date'
       WHEN (fromd[11] + fromd[23]) > 8 * $limit + 200 AND (tod[11] + tod[23]) > 8 * $limit + 200
            AND size(COLLECT { MATCH ()-[x:HELD_IN]->() USING INDEX x:HELD_IN(date) WHERE x.date > CASE WHEN (fromd[11] + fromd[23]) > 8 * $limit + 200 AND (tod[11] + tod[23]) > 8 * $limit + 200 THEN '' END
                           RETURN 1 LIMIT 4 * $limit + 100 }) < 4 * $limit + 100 THEN 'date'
       WHEN (fromd[11] + fromd[23]) <= (tod[11] + tod[23]) THEN 'from' ELSE 'to' END} AS how,
     {`MET`: CASE WHEN (fromd[0] + fromd[12]) < (tod[0] + tod[12]) THEN (fromd[0] + fromd[12]) ELSE (tod[0] + tod[12]) END,
     `SPOKE_WITH`: CASE WHEN (fromd[1] + fromd[13]) < (tod[1] + tod[13]) THEN (fromd[1] + fromd[13]) ELSE (tod[1] + tod[13]) END,
     `PRESSURED`: CASE WHEN (fromd[2] + fromd[14]) < (tod[2] + tod[14]) THEN (fromd[2] + fromd[14]) ELSE (tod[2] + tod[14]) END,
     `CRITICIZED`: CASE WHEN (fromd[3] + fromd[15]) < (tod[3] + tod[15]) THEN (fromd[3] + fromd[15]) ELSE (tod[3] + tod[15]) END,
     `SUPPORTED`: CASE WHEN (fromd[4] + fromd[16]) < (tod[4] + tod[16]) THEN (fromd[4] + fromd[16]) ELSE (tod[4] + tod[16]) END,
     `VISITED`: CASE WHEN (fromd[5] + fromd[17]) < (tod[5] + tod[17]) THEN (fromd[5] + fromd[17]) ELSE (tod[5] + tod[17]) END,
     `ATTENDED`: CASE WHEN (fromd[6] + fromd[18]) < (tod[6] + tod[18]) THEN (fromd[6] + fromd[18]) ELSE (tod[6] + tod[18]) END,
     `HOSTED`: CASE WHEN (fromd[7] + fromd[19]) < (tod[7] + tod[19]) THEN (fromd[7] + fromd[19]) ELSE (tod[7] + tod[19]) END,
     `HOLDS_ROLE`: CASE WHEN (fromd[8] + fromd[20]) < (tod[8] + tod[20]) THEN (fromd[8] + fromd[20]) ELSE (tod[8] + tod[20]) END,
     `MEMBER_OF`: CASE WHEN (fromd[9] + fromd[21]) < (tod[9] + tod[21]) THEN (fromd[9] + fromd[21]) ELSE (tod[9] + tod[21]) END,
     `LOCATED_IN`: CASE WHEN (fromd[10] + fromd[22]) < (tod[10] + tod[22]) THEN (fromd[10] + fromd[22]) ELSE (tod[10] + tod[22]) END,
     `HELD_IN`: CASE WHEN (fromd[11] + fromd[23]) < (tod[11] + tod[23]) THEN (fromd[11] + fromd[23]) ELSE (tod[11] + tod[23]) END} AS dmin
// The types read by date, one after the other. Each reads its date index newest first and keeps
// the first limit relationships that join the sides, in the report's order (a partial sort: date,
// names, article); from the second on, only from the limit-th newest date the types before it
// gave (d1, d2, ...: their limit newest dates, sorted), when they gave limit: an older one cannot
// be among the first limit rows. So a type whose newest matches are older than those of the types
// before it reads few entries (the example: PRESSURED 2,951 -> 544). d12 holds the limit newest
// dates of them all, as the separate reads gave.
CALL (sm, bg, how) {
  WITH sm, bg, how WHERE how.MET = 'date'
  MATCH (s)-[r:MET]->(o) USING INDEX r:MET(date)
  WHERE r.date > CASE how.MET WHEN 'date' THEN '' END AND ((s IN sm AND o IN bg) OR (o IN sm AND s IN bg))
  WITH r, s, o ORDER BY r.date DESC, s.name, o.name, r.article LIMIT $limit
  RETURN collect(r) AS b1
}
WITH *, COLLECT { UNWIND [x IN b1 | x.date] AS d RETURN d ORDER BY d DESC } AS d1
CALL (sm, bg, how, d1) {
  WITH sm, bg, how, d1 WHERE how.SPOKE_WITH = 'date'
  MATCH (s)-[r:SPOKE_WITH]->(o) USING INDEX r:SPOKE_WITH(date)
  WHERE r.date > CASE how.SPOKE_WITH WHEN 'date' THEN '' END AND r.date >= CASE WHEN $limit > 0 AND size(d1) >= $limit THEN d1[$limit - 1] ELSE '' END
        AND ((s IN sm AND o IN bg) OR (o IN sm AND s IN bg))
  WITH r, s, o ORDER BY r.date DESC, s.name, o.name, r.article LIMIT $limit
  RETURN collect(r) AS b2
}
WITH *, CASE size(b2) WHEN 0 THEN d1 ELSE COLLECT { UNWIND d1 + [x IN b2 | x.date] AS d RETURN d ORDER BY d DESC LIMIT $limit } END AS d2
CALL (sm, bg, how, d2) {
  WITH sm, bg, how, d2 WHERE how.PRESSURED = 'date'
  MATCH (s)-[r:PRESSURED]->(o) USING INDEX r:PRESSURED(date)
  WHERE r.date > CASE how.PRESSURED WHEN 'date' THEN '' END AND r.date >= CASE WHEN $limit > 0 AND size(d2) >= $limit THEN d2[$limit - 1] ELSE '' END
        AND ((s IN sm AND o IN bg) OR (o IN sm AND s IN bg))
  WITH r, s, o ORDER BY r.date DESC, s.name, o.name, r.article LIMIT $limit
  RETURN collect(r) AS b3
}
WITH *, CASE size(b3) WHEN 0 THEN d2 ELSE COLLECT { UNWIND d2 + [x IN b3 | x.date] AS d RETURN d ORDER BY d DESC LIMIT $limit } END AS d3
CALL (sm, bg, how, d3) {
  WITH sm, bg, how, d3 WHERE how.CRITICIZED = 'date'
  MATCH (s)-[r:CRITICIZED]->(o) USING INDEX r:CRITICIZED(date)
  WHERE r.date > CASE how.CRITICIZED WHEN 'date' THEN '' END AND r.date >= CASE WHEN $limit > 0 AND size(d3) >= $limit THEN d3[$limit - 1] ELSE '' END
        AND ((s IN sm AND o IN bg) OR (o IN sm AND s IN bg))
  WITH r, s, o ORDER BY r.date DESC, s.name, o.name, r.article LIMIT $limit
  RETURN collect(r) AS b4
}
WITH *, CASE size(b4) WHEN 0 THEN d3 ELSE COLLECT { UNWIND d3 + [x IN b4 | x.date] AS d RETURN d ORDER BY d DESC LIMIT $limit } END AS d4
CALL (sm, bg, how, d4) {
  WITH sm, bg, how, d4 WHERE how.SUPPORTED = 'date'
  MATCH (s)-[r:SUPPORTED]->(o) USING INDEX r:SUPPORTED(date)
  WHERE r.date > CASE how.SUPPORTED WHEN 'date' THEN '' END AND r.date >= CASE WHEN $limit > 0 AND size(d4) >= $limit THEN d4[$limit - 1] ELSE '' END
        AND ((s IN sm AND o IN bg) OR (o IN sm AND s IN bg))
  WITH r, s, o ORDER BY r.date DESC, s.name, o.name, r.article LIMIT $limit
  RETURN collect(r) AS b5
}
WITH *, CASE size(b5) WHEN 0 THEN d4 ELSE COLLECT { UNWIND d4 + [x IN b5 | x.date] AS d RETURN d ORDER BY d DESC LIMIT $limit } END AS d5
CALL (sm, bg, how, d5) {
  WITH sm, bg, how, d5 WHERE how.VISITED = 'date'
  MATCH (s)-[r:VISITED]->(o) USING INDEX r:VISITED(date)
  WHERE r.date > CASE how.VISITED WHEN 'date' THEN '' END AND r.date >= CASE WHEN $limit > 0 AND size(d5) >= $limit THEN d5[$limit - 1] ELSE '' END
        AND ((s IN sm AND o IN bg) OR (o IN sm AND s IN bg))
  WITH r, s, o ORDER BY r.date DESC, s.name, o.name, r.article LIMIT $limit
  RETURN collect(r) AS b6
}
WITH *, CASE size(b6) WHEN 0 THEN d5 ELSE COLLECT { UNWIND d5 + [x IN b6 | x.date] AS d RETURN d ORDER BY d DESC LIMIT $limit } END AS d6
CALL (sm, bg, how, d6) {
  WITH sm, bg, how, d6 WHERE how.ATTENDED = 'date'
  MATCH (s)-[r:ATTENDED]->(o) USING INDEX r:ATTENDED(date)
  WHERE r.date > CASE how.ATTENDED WHEN 'date' THEN '' END AND r.date >= CASE WHEN $limit > 0 AND size(d6) >= $limit THEN d6[$limit - 1] ELSE '' END
        AND ((s IN sm AND o IN bg) OR (o IN sm AND s IN bg))
  WITH r, s, o ORDER BY r.date DESC, s.name, o.name, r.article LIMIT $limit
  RETURN collect(r) AS b7
}
WITH *, CASE size(b7) WHEN 0 THEN d6 ELSE COLLECT { UNWIND d6 + [x IN b7 | x.date] AS d RETURN d ORDER BY d DESC LIMIT $limit } END AS d7
CALL (sm, bg, how, d7) {
  WITH sm, bg, how, d7 WHERE how.HOSTED = 'date'
  MATCH (s)-[r:HOSTED]->(o) USING INDEX r:HOSTED(date)
  WHERE r.date > CASE how.HOSTED WHEN 'date' THEN '' END AND r.date >= CASE WHEN $limit > 0 AND size(d7) >= $limit THEN d7[$limit - 1] ELSE '' END
        AND ((s IN sm AND o IN bg) OR (o IN sm AND s IN bg))
  WITH r, s, o ORDER BY r.date DESC, s.name, o.name, r.article LIMIT $limit
  RETURN collect(r) AS b8
}
WITH *, CASE size(b8) WHEN 0 THEN d7 ELSE COLLECT { UNWIND d7 + [x IN b8 | x.date] AS d RETURN d ORDER BY d DESC LIMIT $limit } END AS d8
CALL (sm, bg, how, d8) {
  WITH sm, bg, how, d8 WHERE how.HOLDS_ROLE = 'date'
  MATCH (s)-[r:HOLDS_ROLE]->(o) USING INDEX r:HOLDS_ROLE(date)
  WHERE r.date > CASE how.HOLDS_ROLE WHEN 'date' THEN '' END AND r.date >= CASE WHEN $limit > 0 AND size(d8) >= $limit THEN d8[$limit - 1] ELSE '' END
        AND ((s IN sm AND o IN bg) OR (o IN sm AND s IN bg))
  WITH r, s, o ORDER BY r.date DESC, s.name, o.name, r.article LIMIT $limit
  RETURN collect(r) AS b9
}
WITH *, CASE size(b9) WHEN 0 THEN d8 ELSE COLLECT { UNWIND d8 + [x IN b9 | x.date] AS d RETURN d ORDER BY d DESC LIMIT $limit } END AS d9
CALL (sm, bg, how, d9) {
  WITH sm, bg, how, d9 WHERE how.MEMBER_OF = 'date'
  MATCH (s)-[r:MEMBER_OF]->(o) USING INDEX r:MEMBER_OF(date)
  WHERE r.date > CASE how.MEMBER_OF WHEN 'date' THEN '' END AND r.date >= CASE WHEN $limit > 0 AND size(d9) >= $limit THEN d9[$limit - 1] ELSE '' END
        AND ((s IN sm AND o IN bg) OR (o IN sm AND s IN bg))
  WITH r, s, o ORDER BY r.date DESC, s.name, o.name, r.article LIMIT $limit
  RETURN collect(r) AS b10
}
WITH *, CASE size(b10) WHEN 0 THEN d9 ELSE COLLECT { UNWIND d9 + [x IN b10 | x.date] AS d RETURN d ORDER BY d DESC LIMIT $limit } END AS d10
CALL (sm, bg, how, d10) {
  WITH sm, bg, how, d10 WHERE how.LOCATED_IN = 'date'
  MATCH (s)-[r:LOCATED_IN]->(o) USING INDEX r:LOCATED_IN(date)
  WHERE r.date > CASE how.LOCATED_IN WHEN 'date' THEN '' END AND r.date >= CASE WHEN $limit > 0 AND size(d10) >= $limit THEN d10[$limit - 1] ELSE '' END
        AND ((s IN sm AND o IN bg) OR (o IN sm AND s IN bg))
  WITH r, s, o ORDER BY r.date DESC, s.name, o.name, r.article LIMIT $limit
  RETURN collect(r) AS b11
}
WITH *, CASE size(b11) WHEN 0 THEN d10 ELSE COLLECT { UNWIND d10 + [x IN b11 | x.date] AS d RETURN d ORDER BY d DESC LIMIT $limit } END AS d11
CALL (sm, bg, how, d11) {
  WITH sm, bg, how, d11 WHERE how.HELD_IN = 'date'
  MATCH (s)-[r:HELD_IN]->(o) USING INDEX r:HELD_IN(date)
  WHERE r.date > CASE how.HELD_IN WHEN 'date' THEN '' END AND r.date >= CASE WHEN $limit > 0 AND size(d11) >= $limit THEN d11[$limit - 1] ELSE '' END
        AND ((s IN sm AND o IN bg) OR (o IN sm AND s IN bg))
  WITH r, s, o ORDER BY r.date DESC, s.name, o.name, r.article LIMIT $limit
  RETURN collect(r) AS b12
}
WITH *, CASE size(b12) WHEN 0 THEN d11 ELSE COLLECT { UNWIND d11 + [x IN b12 | x.date] AS d RETURN d ORDER BY d DESC LIMIT $limit } END AS d12
// The limit-th newest date they gave (none if fewer): the first limit rows are dated on or after it.
WITH froms, tos, fp, tp, fromNear, sm, bg, how, dmin, b1 + b2 + b3 + b4 + b5 + b6 + b7 + b8 + b9 + b10 + b11 + b12 AS byDate,
     CASE WHEN $limit > 0 AND size(d12) >= $limit THEN d12[$limit - 1] END AS cutoff
// The other types: when there is a cutoff and fewer relationships of the type are dated on or
// after it than the smaller side has (counted from the date index, stopping at 10 × limit +
// 1000), those, kept if they join the sides; else from the smaller side. (A seek or an
// expansion not wanted is given null or an empty list: the planner may evaluate a filter on
// the subquery's arguments after the read it guards.)
CALL (froms, tos, fp, tp, sm, bg, how, dmin, cutoff) {
  CALL (froms, tos, fp, tp, sm, bg, how, dmin, cutoff) {
    WITH froms, tos, fp, tp, sm, bg, how, dmin, cutoff WHERE how.MET IN ['from', 'to']
    WITH froms, tos, fp, tp, sm, bg, how, cutoff, dmin.MET AS d,
         size(COLLECT { MATCH ()-[x:MET]->() USING INDEX x:MET(date) WHERE x.date >= CASE WHEN dmin.MET > $limit THEN cutoff END
                        RETURN 1 LIMIT 10 * $limit + 1000 }) AS w
    WITH froms, tos, fp, tp, sm, bg, how, cutoff, cutoff IS NOT NULL AND d > $limit AND w < 10 * $limit + 1000 AND w < d AS win
    CALL (froms, tos, fp, tp, sm, bg, how, cutoff, win) {
      MATCH (s)-[r:MET]->(o) USING INDEX r:MET(date)
      WHERE r.date >= CASE WHEN win THEN cutoff END AND ((s IN sm AND o IN bg) OR (o IN sm AND s IN bg))
      RETURN r
      UNION ALL
      UNWIND CASE WHEN win THEN [] WHEN how.MET = 'from' THEN froms ELSE tos END AS a
      MATCH (a)-[r:MET]-(b) WHERE b IN CASE how.MET WHEN 'from' THEN tp ELSE fp END
      RETURN DISTINCT r
    }
    RETURN r
    UNION ALL
    WITH froms, tos, fp, tp, sm, bg, how, dmin, cutoff WHERE how.SPOKE_WITH IN ['from', 'to']
    WITH froms, tos, fp, tp, sm, bg, how, cutoff, dmin.SPOKE_WITH AS d,
         size(COLLECT { MATCH ()-[x:SPOKE_WITH]->() USING INDEX x:SPOKE_WITH(date) WHERE x.date >= CASE WHEN dmin.SPOKE_WITH > $limit THEN cutoff END
                        RETURN 1 LIMIT 10 * $limit + 1000 }) AS w
    WITH froms, tos, fp, tp, sm, bg, how, cutoff, cutoff IS NOT NULL AND d > $limit AND w < 10 * $limit + 1000 AND w < d AS win
    CALL (froms, tos, fp, tp, sm, bg, how, cutoff, win) {
      MATCH (s)-[r:SPOKE_WITH]->(o) USING INDEX r:SPOKE_WITH(date)
      WHERE r.date >= CASE WHEN win THEN cutoff END AND ((s IN sm AND o IN bg) OR (o IN sm AND s IN bg))
      RETURN r
      UNION ALL
      UNWIND CASE WHEN win THEN [] WHEN how.SPOKE_WITH = 'from' THEN froms ELSE tos END AS a
      MATCH (a)-[r:SPOKE_WITH]-(b) WHERE b IN CASE how.SPOKE_WITH WHEN 'from' THEN tp ELSE fp END
      RETURN DISTINCT r
    }
    RETURN r
    UNION ALL
    WITH froms, tos, fp, tp, sm, bg, how, dmin, cutoff WHERE how.PRESSURED IN ['from', 'to']
    WITH froms, tos, fp, tp, sm, bg, how, cutoff, dmin.PRESSURED AS d,
         size(COLLECT { MATCH ()-[x:PRESSURED]->() USING INDEX x:PRESSURED(date) WHERE x.date >= CASE WHEN dmin.PRESSURED > $limit THEN cutoff END
                        RETURN 1 LIMIT 10 * $limit + 1000 }) AS w
    WITH froms, tos, fp, tp, sm, bg, how, cutoff, cutoff IS NOT NULL AND d > $limit AND w < 10 * $limit + 1000 AND w < d AS win
    CALL (froms, tos, fp, tp, sm, bg, how, cutoff, win) {
      MATCH (s)-[r:PRESSURED]->(o) USING INDEX r:PRESSURED(date)
      WHERE r.date >= CASE WHEN win THEN cutoff END AND ((s IN sm AND o IN bg) OR (o IN sm AND s IN bg))
      RETURN r
      UNION ALL
      UNWIND CASE WHEN win THEN [] WHEN how.PRESSURED = 'from' THEN froms ELSE tos END AS a
      MATCH (a)-[r:PRESSURED]-(b) WHERE b IN CASE how.PRESSURED WHEN 'from' THEN tp ELSE fp END
      RETURN DISTINCT r
    }
    RETURN r
    UNION ALL
    WITH froms, tos, fp, tp, sm, bg, how, dmin, cutoff WHERE how.CRITICIZED IN ['from', 'to']
    WITH froms, tos, fp, tp, sm, bg, how, cutoff, dmin.CRITICIZED AS d,
         size(COLLECT { MATCH ()-[x:CRITICIZED]->() USING INDEX x:CRITICIZED(date) WHERE x.date >= CASE WHEN dmin.CRITICIZED > $limit THEN cutoff END
                        RETURN 1 LIMIT 10 * $limit + 1000 }) AS w
    WITH froms, tos, fp, tp, sm, bg, how, cutoff, cutoff IS NOT NULL AND d > $limit AND w < 10 * $limit + 1000 AND w < d AS win
    CALL (froms, tos, fp, tp, sm, bg, how, cutoff, win) {
      MATCH (s)-[r:CRITICIZED]->(o) USING INDEX r:CRITICIZED(date)
      WHERE r.date >= CASE WHEN win THEN cutoff END AND ((s IN sm AND o IN bg) OR (o IN sm AND s IN bg))
      RETURN r
      UNION ALL
      UNWIND CASE WHEN win THEN [] WHEN how.CRITICIZED = 'from' THEN froms ELSE tos END AS a
      MATCH (a)-[r:CRITICIZED]-(b) WHERE b IN CASE how.CRITICIZED WHEN 'from' THEN tp ELSE fp END
      RETURN DISTINCT r
    }
    RETURN r
    UNION ALL
    WITH froms, tos, fp, tp, sm, bg, how, dmin, cutoff WHERE how.SUPPORTED IN ['from', 'to']
    WITH froms, tos, fp, tp, sm, bg, how, cutoff, dmin.SUPPORTED AS d,
         size(COLLECT { MATCH ()-[x:SUPPORTED]->() USING INDEX x:SUPPORTED(date) WHERE x.date >= CASE WHEN dmin.SUPPORTED > $limit THEN cutoff END
                        RETURN 1 LIMIT 10 * $limit + 1000 }) AS w
    WITH froms, tos, fp, tp, sm, bg, how, cutoff, cutoff IS NOT NULL AND d > $limit AND w < 10 * $limit + 1000 AND w < d AS win
    CALL (froms, tos, fp, tp, sm, bg, how, cutoff, win) {
      MATCH (s)-[r:SUPPORTED]->(o) USING INDEX r:SUPPORTED(date)
      WHERE r.date >= CASE WHEN win THEN cutoff END AND ((s IN sm AND o IN bg) OR (o IN sm AND s IN bg))
      RETURN r
      UNION ALL
      UNWIND CASE WHEN win THEN [] WHEN how.SUPPORTED = 'from' THEN froms ELSE tos END AS a
      MATCH (a)-[r:SUPPORTED]-(b) WHERE b IN CASE how.SUPPORTED WHEN 'from' THEN tp ELSE fp END
      RETURN DISTINCT r
    }
    RETURN r
    UNION ALL
    WITH froms, tos, fp, tp, sm, bg, how, dmin, cutoff WHERE how.VISITED IN ['from', 'to']
    WITH froms, tos, fp, tp, sm, bg, how, cutoff, dmin.VISITED AS d,
         size(COLLECT { MATCH ()-[x:VISITED]->() USING INDEX x:VISITED(date) WHERE x.date >= CASE WHEN dmin.VISITED > $limit THEN cutoff END
                        RETURN 1 LIMIT 10 * $limit + 1000 }) AS w
    WITH froms, tos, fp, tp, sm, bg, how, cutoff, cutoff IS NOT NULL AND d > $limit AND w < 10 * $limit + 1000 AND w < d AS win
    CALL (froms, tos, fp, tp, sm, bg, how, cutoff, win) {
      MATCH (s)-[r:VISITED]->(o) USING INDEX r:VISITED(date)
      WHERE r.date >= CASE WHEN win THEN cutoff END AND ((s IN sm AND o IN bg) OR (o IN sm AND s IN bg))
      RETURN r
      UNION ALL
      UNWIND CASE WHEN win THEN [] WHEN how.VISITED = 'from' THEN froms ELSE tos END AS a
      MATCH (a)-[r:VISITED]-(b) WHERE b IN CASE how.VISITED WHEN 'from' THEN tp ELSE fp END
      RETURN DISTINCT r
    }
    RETURN r
    UNION ALL
    WITH froms, tos, fp, tp, sm, bg, how, dmin, cutoff WHERE how.ATTENDED IN ['from', 'to']
    WITH froms, tos, fp, tp, sm, bg, how, cutoff, dmin.ATTENDED AS d,
         size(COLLECT { MATCH ()-[x:ATTENDED]->() USING INDEX x:ATTENDED(date) WHERE x.date >= CASE WHEN dmin.ATTENDED > $limit THEN cutoff END
                        RETURN 1 LIMIT 10 * $limit + 1000 }) AS w
    WITH froms, tos, fp, tp, sm, bg, how, cutoff, cutoff IS NOT NULL AND d > $limit AND w < 10 * $limit + 1000 AND w < d AS win
    CALL (froms, tos, fp, tp, sm, bg, how, cutoff, win) {
      MATCH (s)-[r:ATTENDED]->(o) USING INDEX r:ATTENDED(date)
      WHERE r.date >= CASE WHEN win THEN cutoff END AND ((s IN sm AND o IN bg) OR (o IN sm AND s IN bg))
      RETURN r
      UNION ALL
      UNWIND CASE WHEN win THEN [] WHEN how.ATTENDED = 'from' THEN froms ELSE tos END AS a
      MATCH (a)-[r:ATTENDED]-(b) WHERE b IN CASE how.ATTENDED WHEN 'from' THEN tp ELSE fp END
      RETURN DISTINCT r
    }
    RETURN r
    UNION ALL
    WITH froms, tos, fp, tp, sm, bg, how, dmin, cutoff WHERE how.HOSTED IN ['from', 'to']
    WITH froms, tos, fp, tp, sm, bg, how, cutoff, dmin.HOSTED AS d,
         size(COLLECT { MATCH ()-[x:HOSTED]->() USING INDEX x:HOSTED(date) WHERE x.date >= CASE WHEN dmin.HOSTED > $limit THEN cutoff END
                        RETURN 1 LIMIT 10 * $limit + 1000 }) AS w
    WITH froms, tos, fp, tp, sm, bg, how, cutoff, cutoff IS NOT NULL AND d > $limit AND w < 10 * $limit + 1000 AND w < d AS win
    CALL (froms, tos, fp, tp, sm, bg, how, cutoff, win) {
      MATCH (s)-[r:HOSTED]->(o) USING INDEX r:HOSTED(date)
      WHERE r.date >= CASE WHEN win THEN cutoff END AND ((s IN sm AND o IN bg) OR (o IN sm AND s IN bg))
      RETURN r
      UNION ALL
      UNWIND CASE WHEN win THEN [] WHEN how.HOSTED = 'from' THEN froms ELSE tos END AS a
      MATCH (a)-[r:HOSTED]-(b) WHERE b IN CASE how.HOSTED WHEN 'from' THEN tp ELSE fp END
      RETURN DISTINCT r
    }
    RETURN r
    UNION ALL
    WITH froms, tos, fp, tp, sm, bg, how, dmin, cutoff WHERE how.HOLDS_ROLE IN ['from', 'to']
    WITH froms, tos, fp, tp, sm, bg, how, cutoff, dmin.HOLDS_ROLE AS d,
         size(COLLECT { MATCH ()-[x:HOLDS_ROLE]->() USING INDEX x:HOLDS_ROLE(date) WHERE x.date >= CASE WHEN dmin.HOLDS_ROLE > $limit THEN cutoff END
                        RETURN 1 LIMIT 10 * $limit + 1000 }) AS w
    WITH froms, tos, fp, tp, sm, bg, how, cutoff, cutoff IS NOT NULL AND d > $limit AND w < 10 * $limit + 1000 AND w < d AS win
    CALL (froms, tos, fp, tp, sm, bg, how, cutoff, win) {
      MATCH (s)-[r:HOLDS_ROLE]->(o) USING INDEX r:HOLDS_ROLE(date)
      WHERE r.date >= CASE WHEN win THEN cutoff END AND ((s IN sm AND o IN bg) OR (o IN sm AND s IN bg))
      RETURN r
      UNION ALL
      UNWIND CASE WHEN win THEN [] WHEN how.HOLDS_ROLE = 'from' THEN froms ELSE tos END AS a
      MATCH (a)-[r:HOLDS_ROLE]-(b) WHERE b IN CASE how.HOLDS_ROLE WHEN 'from' THEN tp ELSE fp END
      RETURN DISTINCT r
    }
    RETURN r
    UNION ALL
    WITH froms, tos, fp, tp, sm, bg, how, dmin, cutoff WHERE how.MEMBER_OF IN ['from', 'to']
    WITH froms, tos, fp, tp, sm, bg, how, cutoff, dmin.MEMBER_OF AS d,
         size(COLLECT { MATCH ()-[x:MEMBER_OF]->() USING INDEX x:MEMBER_OF(date) WHERE x.date >= CASE WHEN dmin.MEMBER_OF > $limit THEN cutoff END
                        RETURN 1 LIMIT 10 * $limit + 1000 }) AS w
    WITH froms, tos, fp, tp, sm, bg, how, cutoff, cutoff IS NOT NULL AND d > $limit AND w < 10 * $limit + 1000 AND w < d AS win
    CALL (froms, tos, fp, tp, sm, bg, how, cutoff, win) {
      MATCH (s)-[r:MEMBER_OF]->(o) USING INDEX r:MEMBER_OF(date)
      WHERE r.date >= CASE WHEN win THEN cutoff END AND ((s IN sm AND o IN bg) OR (o IN sm AND s IN bg))
      RETURN r
      UNION ALL
      UNWIND CASE WHEN win THEN [] WHEN how.MEMBER_OF = 'from' THEN froms ELSE tos END AS a
      MATCH (a)-[r:MEMBER_OF]-(b) WHERE b IN CASE how.MEMBER_OF WHEN 'from' THEN tp ELSE fp END
      RETURN DISTINCT r
    }
    RETURN r
    UNION ALL
    WITH froms, tos, fp, tp, sm, bg, how, dmin, cutoff WHERE how.LOCATED_IN IN ['from', 'to']
    WITH froms, tos, fp, tp, sm, bg, how, cutoff, dmin.LOCATED_IN AS d,
         size(COLLECT { MATCH ()-[x:LOCATED_IN]->() USING INDEX x:LOCATED_IN(date) WHERE x.date >= CASE WHEN dmin.LOCATED_IN > $limit THEN cutoff END
                        RETURN 1 LIMIT 10 * $limit + 1000 }) AS w
    WITH froms, tos, fp, tp, sm, bg, how, cutoff, cutoff IS NOT NULL AND d > $limit AND w < 10 * $limit + 1000 AND w < d AS win
    CALL (froms, tos, fp, tp, sm, bg, how, cutoff, win) {
      MATCH (s)-[r:LOCATED_IN]->(o) USING INDEX r:LOCATED_IN(date)
      WHERE r.date >= CASE WHEN win THEN cutoff END AND ((s IN sm AND o IN bg) OR (o IN sm AND s IN bg))
      RETURN r
      UNION ALL
      UNWIND CASE WHEN win THEN [] WHEN how.LOCATED_IN = 'from' THEN froms ELSE tos END AS a
      MATCH (a)-[r:LOCATED_IN]-(b) WHERE b IN CASE how.LOCATED_IN WHEN 'from' THEN tp ELSE fp END
      RETURN DISTINCT r
    }
    RETURN r
    UNION ALL
    WITH froms, tos, fp, tp, sm, bg, how, dmin, cutoff WHERE how.HELD_IN IN ['from', 'to']
    WITH froms, tos, fp, tp, sm, bg, how, cutoff, dmin.HELD_IN AS d,
         size(COLLECT { MATCH ()-[x:HELD_IN]->() USING INDEX x:HELD_IN(date) WHERE x.date >= CASE WHEN dmin.HELD_IN > $limit THEN cutoff END
                        RETURN 1 LIMIT 10 * $limit + 1000 }) AS w
    WITH froms, tos, fp, tp, sm, bg, how, cutoff, cutoff IS NOT NULL AND d > $limit AND w < 10 * $limit + 1000 AND w < d AS win
    CALL (froms, tos, fp, tp, sm, bg, how, cutoff, win) {
      MATCH (s)-[r:HELD_IN]->(o) USING INDEX r:HELD_IN(date)
      WHERE r.date >= CASE WHEN win THEN cutoff END AND ((s IN sm AND o IN bg) OR (o IN sm AND s IN bg))
      RETURN r
      UNION ALL
      UNWIND CASE WHEN win THEN [] WHEN how.HELD_IN = 'from' THEN froms ELSE tos END AS a
      MATCH (a)-[r:HELD_IN]-(b) WHERE b IN CASE how.HELD_IN WHEN 'from' THEN tp ELSE fp END
      RETURN DISTINCT r
    }
    RETURN r
  }
  RETURN collect(r) AS bySide
}
WITH froms, tos, fp, tp, how, fromNear, byDate + bySide AS rs
// The undated relationships of the types read by date, only when fewer than limit dated ones
// were found (then every type read by date gave all its dated ones).
CALL (froms, tos, fp, tp, how, fromNear, rs) {
  UNWIND rs AS r
  RETURN r
  UNION ALL
  WITH froms, tos, fp, tp, how, fromNear, rs WHERE 'date' IN [t IN keys(how) | how[t]] AND size([r IN rs WHERE r.date > '']) < $limit
  UNWIND CASE WHEN fromNear THEN froms ELSE tos END AS a
  MATCH (a)-[r:MET|SPOKE_WITH|PRESSURED|CRITICIZED|SUPPORTED|VISITED|ATTENDED|HOSTED|HOLDS_ROLE|MEMBER_OF|LOCATED_IN|HELD_IN]-(b)
  WHERE how[type(r)] = 'date' AND coalesce(r.date, '') = '' AND b IN CASE WHEN fromNear THEN tp ELSE fp END
  RETURN DISTINCT r
}
// A grouping, not DISTINCT: its rows hold r alone, where DISTINCT's would still carry rs, which
// the sort below would charge to every row (1.4 GB at limit 5,000).
WITH r, count(*) AS copies
MATCH p = (s)-[r]->(o)
WITH p, s, r, o ORDER BY coalesce(r.date, '') DESC, type(r), s.name, o.name, r.article LIMIT $limit
OPTIONAL MATCH (art:Article {id: r.article})
RETURN s.name AS subject, type(r) AS relation, o.name AS object, r.status AS status, r.date AS date,
       r.article AS article, art.title AS title, art.published AS published, art.url AS url,
       r.sentence AS sentence, r.start AS start, r.end AS end, r.rule AS rule, r.confidence AS confidence, p AS _path
ORDER BY coalesce(date, '') DESC, relation, subject, object, article
