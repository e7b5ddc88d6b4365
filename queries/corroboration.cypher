// name: corroboration
// summary: Facts by the number of articles that state them; single-source facts stand out
// params: min_articles int = 1, single_source_only bool = false, type string = "", limit int(0..) = 100
// description: A fact is a relationship type between the same two nodes (either order for MET and
// description: SPOKE_WITH), with the same status, role title and month (facts dated 2025-06-24 and
// description: 2025-06-25 are one fact; 2024-11 and 2025-06 are two). MENTIONS are left out.
// description: type filters by relationship type (e.g. MET).

// The loader keeps a CorroborationFact node per fact (graph/neo4j/derived_corroboration.go), with
// its number of articles, its articles and its drawing (derived_corroboration_draw.go) and `sort`, a string whose order is the
// report's (articles descending as 9999999999 - articles in ten digits, relation, subject, object,
// month, status, joined by U+0001); `tsort` is the type and `sort`. The report reads the first $limit facts of the range of the index the
// filters allow, in index order.
WITH toUpper($type) AS t,
     CASE WHEN $single_source_only THEN '9999999998' ELSE '' END AS lo,
     right('0000000000' + toString(CASE WHEN $min_articles > 9999999999 THEN 0
                                        WHEN $min_articles < 1 THEN 9999999999
                                        ELSE 9999999999 - ($min_articles - 1) END), 10) AS hi
CALL (t, lo, hi) {
  MATCH (f:CorroborationFact)
  WHERE f.sort >= CASE t WHEN '' THEN lo ELSE 'x' END AND f.sort < CASE t WHEN '' THEN hi ELSE 'x' END
  RETURN f ORDER BY f.sort LIMIT $limit
  UNION ALL
  MATCH (f:CorroborationFact)
  WHERE f.tsort >= CASE t WHEN '' THEN 'x' ELSE t + '\u0001' + lo END
    AND f.tsort < CASE t WHEN '' THEN 'x' ELSE t + '\u0001' + hi END
  RETURN f ORDER BY f.tsort LIMIT $limit
}
// The fact node keeps its articles (arts, sorted) and its drawing (new: its 10 newest
// relationships, date descending, then article and key, each string ending in U+0000 and the
// relationship's element id), so only the drawn relationships are read, by element id. The
// article ids are joined a hundred at a time, one row per part, then those parts (joining
// thousands one by one copies the growing string each time).
CALL (f) {
  UNWIND range(0, size(f.new) - 1) AS i
  MATCH ()-[r]->() WHERE elementId(r) = split(f.new[i], '\u0000')[-1]
  WITH i, r ORDER BY i
  RETURN collect(r) AS drawn
}
CALL (f) {
  UNWIND range(0, size(f.arts) - 1, 100) AS i
  WITH i, reduce(s = '', a IN f.arts[i..i + 100] | s + CASE s WHEN '' THEN '' ELSE ', ' END + a) AS part
  ORDER BY i
  WITH collect(part) AS parts
  RETURN reduce(s = '', p IN parts | s + CASE s WHEN '' THEN '' ELSE ', ' END + p) AS article_ids
}
WITH f, drawn, article_ids, startNode(head(drawn)) AS s0, endNode(head(drawn)) AS e0
RETURN f.subject AS subject, f.type + CASE WHEN f.title IS NULL THEN '' ELSE ' (' + f.title + ')' END AS relation,
       f.object AS object, f.status AS status, CASE f.month WHEN '' THEN null ELSE f.month END AS month,
       f.articles AS articles, CASE WHEN f.articles = 1 THEN 'single source' ELSE 'corroborated' END AS support,
       article_ids,
       CASE WHEN s0.id = f.x THEN [s0, e0] ELSE [e0, s0] END AS _nodes, drawn AS _rels
// The rows kept were chosen in `sort` order (an undated fact's month '' before every month); they
// are shown with the undated facts' month null, so after the dated ones of the same sort keys.
ORDER BY articles DESC, relation, subject, object, month, status, f.sort
