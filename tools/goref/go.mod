module hcsc/goref

go 1.23
