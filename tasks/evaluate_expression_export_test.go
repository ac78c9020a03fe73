package tasks

// TranslateToJSONata exposes the EvaluateExpression translator to tests.
var TranslateToJSONata = translateToJSONata
