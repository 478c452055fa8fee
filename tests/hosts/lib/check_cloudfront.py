"""Checks CloudFront response headers policies against AWS's own published
model of the CloudFront API (botocore's, from Debian's python3-botocore):
required and unknown members, types, lengths and the allowed values of
enumerations. Prints one line per problem; exits 1 if there is any.

    python3 tests/hosts/lib/check_cloudfront.py build/hosting/aws/headers-*.json
"""
import json
import sys

import botocore.session
from botocore.validate import ParamValidator


def enum_problems(shape, value, where):
    """botocore's validator leaves enumerations out: check them here."""
    if shape.type_name == 'structure' and isinstance(value, dict):
        for name, member in shape.members.items():
            if name in value:
                yield from enum_problems(member, value[name], where + '.' + name)
    elif shape.type_name == 'list' and isinstance(value, list):
        for i, item in enumerate(value):
            yield from enum_problems(shape.member, item, '%s[%d]' % (where, i))
    elif shape.type_name == 'string' and shape.enum and value not in shape.enum:
        yield '%s: %r is not one of %s' % (where, value, ', '.join(shape.enum))


def main(paths):
    model = botocore.session.get_session().get_service_model('cloudfront')
    shape = model.operation_model('CreateResponseHeadersPolicy').input_shape
    problems = []
    for path in paths:
        with open(path) as f:
            params = {'ResponseHeadersPolicyConfig': json.load(f)}
        report = ParamValidator().validate(params, shape)
        if report.has_errors():
            problems.append('%s: %s' % (path, report.generate_report()))
        problems += ['%s: %s' % (path, p) for p in enum_problems(shape, params, 'input')]
    for p in problems:
        print(p)
    print('checked %d policies against CloudFront API version %s' % (len(paths), model.api_version))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
