package main

func init() { registerLearn("watch") }
