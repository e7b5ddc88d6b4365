package main

import (
	"context"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// wipe deletes every relationship, then every node, in transactions of 5,000 (one transaction
// for a large graph hits the server's transaction memory limit).
func wipe() error {
	ctx := context.Background()
	drv, db, err := connect(ctx)
	if err != nil {
		return err
	}
	defer drv.Close(ctx)
	sess := drv.NewSession(ctx, driver.SessionConfig{DatabaseName: db})
	defer sess.Close(ctx)
	for _, q := range []string{
		"MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 5000 ROWS",
		"MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS",
	} {
		res, err := sess.Run(ctx, q, nil)
		if err != nil {
			return err
		}
		if _, err = res.Consume(ctx); err != nil {
			return err
		}
	}
	return nil
}
