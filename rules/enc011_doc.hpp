// The documentation of ENC011 and ENC012 (--explain, docs/rules), kept apart
// from their logic because it is long.
#pragma once

namespace enclint::rules {

inline constexpr char kEnc011Doc[] = R"(## What it does
Follows the template's resource graph from each principal to the data it
uses: a SAM function's policy templates (`DynamoDBCrudPolicy`,
`S3ReadPolicy`, `SQSPollerPolicy`, ...) and inline statements, its event
sources (DynamoDB and Kinesis streams, SQS queues), the inline policies of an
`AWS::IAM::Role`, and `AWS::IAM::Policy` / `AWS::IAM::ManagedPolicy`
documents with the roles they are attached to. When such a principal reads
or writes a table, bucket, queue, topic or stream that is encrypted with a
customer managed key of the same template (`AWS::KMS::Key`, directly or
through an `AWS::KMS::Alias`), it must also be allowed to use that key:
`kms:Decrypt` to read, `kms:GenerateDataKey` to write. The finding names the
path, for example `ArticlesFn → DynamoDBCrudPolicy → ArticlesTable → DataKey`.

A grant counts when it comes from the principal's own policies, from the
role a function runs as and the policies attached to it, from a statement
whose `Resource` is the key (`!GetAtt Key.Arn`, `!Ref Key` in
`KMSDecryptPolicy`) or a pattern that covers it (`arn:aws:kms:*:*:key/*`,
`*`), or from the key policy when it names the principal. A permission under
a condition (`Fn::If`, a resource's `Condition`) is weighed under that
condition.

## Why is this bad?
An AWS managed key (`aws/dynamodb`, `aws/s3`) can be used by every principal
of the account that may use the store. A customer managed key cannot: its
use must be granted. Switching a store to your own key without granting the
principals that use it turns every read into
`AccessDeniedException: User is not authorized to perform: kms:Decrypt`
after the next deployment, and every write into the same error for
`kms:GenerateDataKey`.

## Example
```yaml
DataKey:
  Type: AWS::KMS::Key
ArticlesTable:
  Type: AWS::DynamoDB::Table
  Properties:
    SSESpecification: {SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: !Ref DataKey}
ArticlesFn:
  Type: AWS::Serverless::Function
  Properties:
    Policies:
      - DynamoDBReadPolicy: {TableName: !Ref ArticlesTable}
```

## Use instead
```yaml
ArticlesFn:
  Type: AWS::Serverless::Function
  Properties:
    Policies:
      - DynamoDBReadPolicy: {TableName: !Ref ArticlesTable}
      - KMSDecryptPolicy: {KeyId: !Ref DataKey}
```

## Fix safety
Unsafe: it grants a permission. For a SAM function that only reads, the fix
appends `KMSDecryptPolicy: {KeyId: !Ref Key}` to `Policies`; for one that
writes it appends an inline statement allowing `kms:GenerateDataKey` (and
`kms:Decrypt` when it reads), because SAM's `KMSEncryptPolicy` grants only
`kms:Encrypt`, which writes to an encrypted store do not use. For an IAM
policy document the fix appends a statement with those actions on
`!GetAtt Key.Arn` beside the statement that grants the store. No fix when
the key policy lets no IAM policy work (see ENC012), when the function runs
as a role of its own (the grant belongs in that role's policies), or when
`Policies` or `Statement` is not a list.

## References
- AWS KMS: Key policies, "Allows access to the AWS account and enables IAM policies": https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html
- AWS SAM policy templates (KMSDecryptPolicy): https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-template-list.html
- Amazon DynamoDB: How DynamoDB uses AWS KMS: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/encryption.usagenotes.html
)";

inline constexpr char kEnc012Doc[] = R"(## What it does
Checks the `KeyPolicy` of each `AWS::KMS::Key` of the template that some
principal of the template needs — to read or write a store encrypted with
the key, or because its IAM policies grant the key's use. A key policy
without a statement for the account (`arn:aws:iam::${AWS::AccountId}:root`,
the account id, or `*`) lets no IAM policy grant the key; then only the
principals the key policy names can use it. The finding lists the
principals that need the key and are not named.

## Why is this bad?
IAM policies that grant `kms:Decrypt` on such a key have no effect: the
principals fail with `AccessDeniedException` although their policies look
right. A key without the account statement can also become unmanageable
when the principals it names are deleted.

## Example
```yaml
DataKey:
  Type: AWS::KMS::Key
  Properties:
    KeyPolicy:
      Statement:
        - Effect: Allow
          Principal: {AWS: !GetAtt AdminRole.Arn}
          Action: kms:*
          Resource: '*'
```

## Use instead
```yaml
DataKey:
  Type: AWS::KMS::Key
  Properties:
    KeyPolicy:
      Statement:
        - Effect: Allow
          Principal: {AWS: !Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root'}
          Action: kms:*
          Resource: '*'
```

## Fix safety
No fix: whether IAM policies may grant a key, or which principals the key
policy names, is a decision about who controls the key.

## References
- AWS KMS: Default key policy: https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html
)";

}  // namespace enclint::rules
