package main

func genAgents(path, out string) error { return nil }
