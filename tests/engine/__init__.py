"""Engine tests, on the fixture project (tests/fixtures/report-project: widgets at 1.0.0, gadgets
planned in 1.1.0), no CitrineOS content. Their goldens are in tests/fixtures/engine. The
CitrineOS content tests are the files in tests/."""
