module dnn

go 1.26
