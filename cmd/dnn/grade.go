package main

func init() { registerLearn("grade") }
