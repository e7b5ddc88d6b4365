// name: pressure_network
// summary: Who presses whom, about what topic, how often and in how many articles
// params: actor string = "", topic string = "", include_negated bool = false, limit int(0..) = 50
// example: topic=defense
// description: PRESSURED relationships (pressed, urged, demanded, threatened) grouped by the two
// description: actors, the topic and the status; actor matches either side, topic is a substring.
MATCH p = (a)-[r:PRESSURED]->(b)
WHERE ($actor = ''
       OR any(x IN [a, b] WHERE x.id = $actor
              OR toLower(x.name) CONTAINS toLower($actor)
              OR any(al IN coalesce(x.aliases, []) WHERE toLower(al) CONTAINS toLower($actor))))
  AND ($topic = '' OR toLower(coalesce(r.topic, '')) CONTAINS toLower($topic))
  AND ($include_negated OR coalesce(r.status, '') <> 'negated')
WITH a, b, coalesce(r.topic, '') AS topic, r.status AS status, count(*) AS times,
     count(DISTINCT r.article) AS articles, min(r.date) AS first, max(r.date) AS last, collect(p) AS paths
RETURN a.name AS presser, b.name AS pressed, topic, status, times, articles, first, last, paths AS _paths
ORDER BY times DESC, presser, pressed, topic, status
LIMIT $limit
