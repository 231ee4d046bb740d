package main

func init() { registerLearn("hint") }
