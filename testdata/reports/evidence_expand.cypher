// name: evidence
// summary: The sentences behind the relationships between two named actors, with their articles
// params: from string, to string, type string = "", limit int(0..) = 100
// example: from=Trump; to=Spain
// description: from and to match by id, name or alias (case-insensitive substring); the
// description: relationship may go either way. type filters by relationship type (e.g. PRESSURED).
// description: start and end are the sentence's byte offsets in the article's text.

// The nodes from and to name come from the search text index of each entity label (lower-cased
// id, name and aliases), and are checked as before; the relationships are read
// from the side with fewer relationships (MENTIONS left out of the count), keeping those whose
// other end is on the other side; only the model's types are read (MENTIONS and types outside
// the model are not).
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
  RETURN collect(n) AS froms, sum(COUNT { (n)--() } - COUNT { (n)<-[:MENTIONS]-() }) AS fdeg
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
  RETURN collect(n) AS tos, sum(COUNT { (n)--() } - COUNT { (n)<-[:MENTIONS]-() }) AS tdeg
}
WITH CASE WHEN fdeg <= tdeg THEN froms ELSE tos END AS near, CASE WHEN fdeg <= tdeg THEN tos ELSE froms END AS far
UNWIND near AS a
MATCH (a)-[r:MET|SPOKE_WITH|PRESSURED|CRITICIZED|SUPPORTED|VISITED|ATTENDED|HOSTED|HOLDS_ROLE|MEMBER_OF|LOCATED_IN|HELD_IN]-(b)
WHERE ($type = '' OR type(r) = toUpper($type)) AND b IN far
WITH DISTINCT r
MATCH p = (s)-[r]->(o)
WITH p, s, r, o ORDER BY coalesce(r.date, '') DESC, type(r), s.name, o.name, r.article LIMIT $limit
OPTIONAL MATCH (art:Article {id: r.article})
RETURN s.name AS subject, type(r) AS relation, o.name AS object, r.status AS status, r.date AS date,
       r.article AS article, art.title AS title, art.published AS published, art.url AS url,
       r.sentence AS sentence, r.start AS start, r.end AS end, r.rule AS rule, r.confidence AS confidence, p AS _path
ORDER BY coalesce(date, '') DESC, relation, subject, object, article
