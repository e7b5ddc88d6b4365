// name: criticism_ledger
// summary: Who criticizes whom, when, about what, with the sentence that says so
// params: critic string = "", target string = "", since date = null, include_negated bool = false, limit int(0..) = 100
// description: CRITICIZED relationships (criticized, denounced, accused, rebuked), newest first.
// description: critic and target match by id, name or alias (case-insensitive substring).
MATCH p = (a)-[r:CRITICIZED]->(b)
WHERE ($critic = '' OR a.id = $critic OR toLower(a.name) CONTAINS toLower($critic)
       OR any(al IN coalesce(a.aliases, []) WHERE toLower(al) CONTAINS toLower($critic)))
  AND ($target = '' OR b.id = $target OR toLower(b.name) CONTAINS toLower($target)
       OR any(al IN coalesce(b.aliases, []) WHERE toLower(al) CONTAINS toLower($target)))
  AND ($include_negated OR coalesce(r.status, '') <> 'negated')
  AND ($since IS NULL OR (r.date IS NOT NULL AND left(r.date, size($since)) >= left($since, size(r.date))))
RETURN a.name AS critic, b.name AS target, r.date AS date, r.status AS status, r.topic AS topic,
       r.article AS article, r.sentence AS sentence, p AS _path
ORDER BY coalesce(date, '') DESC, critic, target, article
LIMIT $limit
